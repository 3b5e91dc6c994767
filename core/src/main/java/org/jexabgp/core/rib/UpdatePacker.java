package org.jexabgp.core.rib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexabgp.core.model.AttributeSet;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.attribute.AttributeCode;
import org.jspecify.annotations.Nullable;

/**
 * Turns one UPDATE group (changes sharing attributes and next hop, wire.md §9.2) into complete UPDATE messages, as
 * ExaBGP does (wire.md §9.3): sorted NLRIs, classic fields for IPv4 unicast/multicast, MP_UNREACH then MP_REACH after
 * the shared attribute blob, messages filled up to the negotiated size. Its buffers are scratch space reused between
 * calls, nothing else is kept: one packer serves every RIB drained on one thread (each call's messages are whole and
 * its sink copies them before the next).
 */
public final class UpdatePacker {
    private static final int HEADER = 19;
    private static final int UPDATE = 2;
    private static final int OPTIONAL = 0x80;
    private static final int EXTENDED_LENGTH = 0x10;

    private final AttributeBlob blobs = new AttributeBlob();
    private final WireWriter blob = new WireWriter(256);
    private final WireWriter withdrawn = new WireWriter(4096);
    private final WireWriter announced = new WireWriter(4096);
    private final WireWriter nlri = new WireWriter(64);
    private final WireWriter payload = new WireWriter(4096);
    private final WireWriter message = new WireWriter(4096);

    /**
     * Packs one group. All changes must share attributes and next hop (they came from one Adj-RIB-Out bucket).
     *
     * @param includeWithdrawals false for the first pass after the session comes up: withdrawals are dropped, but each
     *     MP family still sends its final message (wire.md §9.6 quirk)
     */
    public void pack(List<Change> changes, Negotiated session, boolean includeWithdrawals, UpdateSink sink) {
        if (changes.isEmpty()) return;
        Route first = changes.getFirst().route();
        Family groupFamily = first.family();

        // §9.3 step 1-3: sort by route key, drop non-negotiated families, split classic from MP
        List<Change> sorted = changes;
        if (changes.size() > 1) {
            // keys are computed once: an NLRI builds its key on each call
            Keyed[] keyed = new Keyed[changes.size()];
            for (int i = 0; i < keyed.length; i++) keyed[i] = new Keyed(changes.get(i).key(), changes.get(i));
            Arrays.sort(keyed, Comparator.comparing(Keyed::key));
            sorted = new ArrayList<>(keyed.length);
            for (Keyed k : keyed) sorted.add(k.change());
        }
        List<Change> classic = new ArrayList<>();
        Map<Family, MpRoutes> mp = new LinkedHashMap<>();
        for (Change c : sorted) {
            Family f = c.route().family();
            if (!session.families().contains(f)) continue;
            IpAddress nh = c.route().nextHop();
            if (PackingRules.classic(f) && (c.withdraw() || (nh != null && nh.isV4()))) {
                classic.add(c);
            } else {
                // MP: an IPv6 next hop on IPv4 unicast, every other family; a flow route may have no next hop
                MpRoutes r = mp.computeIfAbsent(f, k -> new MpRoutes());
                (c.withdraw() ? r.withdrawals : r.announcements).add(c);
            }
        }
        if (classic.isEmpty() && mp.isEmpty()) return;

        // §9.3 step 4: no attribute at all when the group only withdraws unicast/multicast MP routes (RFC 4760 §4)
        boolean defaults = !classic.isEmpty();
        for (Map.Entry<Family, MpRoutes> e : mp.entrySet()) {
            if (!PackingRules.unicastOrMulticast(e.getKey()) || !e.getValue().announcements.isEmpty()) defaults = true;
        }
        blob.reset();
        if (defaults) blobs.encode(first.attributes(), first.nextHop(), groupFamily, session, blob);

        // §9.3 step 5: what is left for NLRIs once the header, both length fields and the blob are counted
        int budget = session.messageSize() - HEADER - 2 - 2 - blob.length();
        if (budget <= 0) {
            boolean onlyWithdrawals = mp.isEmpty();
            for (Change c : classic) onlyWithdrawals &= c.withdraw();
            if (!onlyWithdrawals) {
                sink.oversized(groupFamily, blob.length());
                return;
            }
            budget = session.messageSize() - HEADER - 2 - 2; // withdrawals' messages carry no attributes
        }
        if (!packClassic(classic, session, includeWithdrawals, budget, sink)) {
            sink.oversized(groupFamily, blob.length());
            return;
        }
        for (Map.Entry<Family, MpRoutes> e : mp.entrySet()) {
            packMp(e.getKey(), e.getValue(), session, includeWithdrawals, budget, sink);
        }
    }

    /**
     * {@link #pack} for IPv4 unicast/multicast routes given as primitive keys, without making anything per prefix.
     * Every route uses the classic UPDATE fields: the caller sends here only groups whose next hop is IPv4, or that
     * only withdraw (wire.md §9.3 step 3).
     *
     * @param keys {@code ((long) maskLength << 32 | address) << 1 | withdraw} in {@code keys[from, to)}, no path id (it
     *     is written as 0 when add-path sends one); a group sorted by the caller, which is ExaBGP's "mask length, then
     *     prefix" order
     * @param bytes stop at the end of the first message that brings the bytes given to the sink to this many
     * @return the index of the first key not packed: {@code to} when all were (or the group was dropped as oversized);
     *     packing again from there gives the messages that packing on would have given
     */
    public int packInet(
            Family family,
            long[] keys,
            int from,
            int to,
            AttributeSet attributes,
            @Nullable IpAddress nextHop,
            Negotiated session,
            boolean includeWithdrawals,
            UpdateSink sink,
            long bytes) {
        if (from >= to || !session.families().contains(family)) return to;
        blob.reset();
        blobs.encode(attributes, nextHop, family, session, blob);
        int budget = session.messageSize() - HEADER - 2 - 2 - blob.length();
        if (budget <= 0) {
            if (!onlyWithdrawals(keys, from, to)) {
                sink.oversized(family, blob.length());
                return to;
            }
            budget = session.messageSize() - HEADER - 2 - 2; // withdrawals' messages carry no attributes
        }
        boolean pathId = session.sendsPathId(family);
        withdrawn.reset();
        announced.reset();
        long emitted = 0;
        for (int i = from; i < to; i++) {
            long k = keys[i];
            boolean withdraw = (k & 1) != 0;
            int length = (int) (k >>> 33) & 0xFF;
            int address = (int) (k >>> 1);
            int bytesOfPrefix = (length + 7) >>> 3;
            int size = 1 + bytesOfPrefix + (pathId ? 4 : 0);
            // as packClassic: a withdrawal dropped in the first pass still counts for the split
            boolean keep = !withdraw || includeWithdrawals;
            if (withdrawn.length() + announced.length() + size > budget) {
                if (withdrawn.length() > 0 || announced.length() > 0) {
                    emitted += emitClassic(sink);
                    withdrawn.reset();
                    announced.reset();
                    if (emitted >= bytes) return i; // a message ends before key i
                }
                // nor alone: an announcement carries the attributes; a withdrawal's message has none, so it goes
                if (!withdraw && size > budget) {
                    sink.oversized(family, blob.length());
                    return to;
                }
            }
            if (!keep) continue;
            WireWriter into = withdraw ? withdrawn : announced;
            if (pathId) into.u32(0);
            into.u8(length);
            for (int b = 0; b < bytesOfPrefix; b++) into.u8(address >>> (24 - 8 * b));
        }
        if (withdrawn.length() > 0 || announced.length() > 0) emitClassic(sink);
        withdrawn.reset();
        announced.reset();
        return to;
    }

    private static boolean onlyWithdrawals(long[] keys, int from, int to) {
        for (int i = from; i < to; i++) if ((keys[i] & 1) == 0) return false;
        return true;
    }

    /**
     * §9.3 step 6. Returns false when one announced NLRI alone does not fit beside the attributes (the rest of the
     * group is dropped).
     */
    private boolean packClassic(
            List<Change> classic, Negotiated session, boolean includeWithdrawals, int budget, UpdateSink sink) {
        withdrawn.reset();
        announced.reset();
        for (Change c : classic) {
            nlri.reset();
            c.route().nlri().encode(nlri, session.sendsPathId(c.route().family()));
            // A withdrawal dropped in the first pass still takes part in the size check, so messages split where
            // ExaBGP splits them.
            boolean keep = !c.withdraw() || includeWithdrawals;
            if (withdrawn.length() + announced.length() + nlri.length() <= budget) {
                if (keep) (c.withdraw() ? withdrawn : announced).writer(nlri);
                continue;
            }
            if (withdrawn.length() > 0 || announced.length() > 0) {
                emitClassic(sink);
                withdrawn.reset();
                announced.reset();
            }
            // nor alone: an announcement carries the attributes; a withdrawal's message has none, so it goes
            if (!c.withdraw() && nlri.length() > budget) return false;
            if (keep) (c.withdraw() ? withdrawn : announced).writer(nlri);
        }
        // The leftover goes out here, once. ExaBGP also re-sends it with the group's first MP message (wire.md §9.3
        // step 7 quirk): a bug we do not reproduce (docs/differences.md).
        if (withdrawn.length() > 0 || announced.length() > 0) emitClassic(sink);
        withdrawn.reset();
        announced.reset();
        return true;
    }

    /** A pure withdrawal carries no attributes (RFC 4271 §4.3: total path attribute length 0 without NLRI). */
    private int emitClassic(UpdateSink sink) {
        startMessage();
        message.u16(withdrawn.length()).writer(withdrawn);
        if (announced.length() > 0) {
            message.u16(blob.length()).writer(blob).writer(announced);
        } else {
            message.u16(0);
        }
        return finishMessage(sink);
    }

    /** §9.3 step 7 for one family. */
    private void packMp(
            Family family,
            MpRoutes routes,
            Negotiated session,
            boolean includeWithdrawals,
            int budget,
            UpdateSink sink) {
        List<byte[]> reach = reachAttributes(family, routes.announcements, session, budget);
        List<byte[]> unreach = includeWithdrawals
                ? unreachAttributes(family, routes.withdrawals, session, budget)
                : List.of();
        // Every MP_REACH but the last goes alone; the last rides with the first MP_UNREACH (ExaBGP's pairing).
        byte[] pendingReach = null;
        for (byte[] r : reach) {
            if (pendingReach != null) emitMp(null, pendingReach, budget, sink);
            pendingReach = r;
        }
        byte[] pendingUnreach = null;
        for (byte[] u : unreach) {
            if (pendingUnreach != null) {
                emitMp(pendingUnreach, pendingReach, budget, sink);
                pendingReach = null;
            }
            pendingUnreach = u;
        }
        // wire.md §9.6: the family's final message goes out even when it has neither MP attribute (first pass)
        emitMp(pendingUnreach, pendingReach, budget, sink);
    }

    private void emitMp(byte @Nullable [] unreach, byte @Nullable [] reach, int budget, UpdateSink sink) {
        if (unreach != null && reach != null && unreach.length + reach.length > budget) {
            // ExaBGP would send both in one oversized message; we keep within the size limit (docs/differences.md)
            emitMp(unreach, null, budget, sink);
            emitMp(null, reach, budget, sink);
            return;
        }
        int attributes = blob.length() + (unreach == null ? 0 : unreach.length) + (reach == null ? 0 : reach.length);
        startMessage();
        message.u16(0).u16(attributes).writer(blob);
        if (unreach != null) message.bytes(unreach);
        if (reach != null) message.bytes(reach);
        finishMessage(sink);
    }

    /**
     * MP_REACH_NLRI attributes (RFC 4760 §3), one series per distinct next hop in first-appearance order; each
     * attribute, header included, stays within the budget.
     */
    private List<byte[]> reachAttributes(Family family, List<Change> routes, Negotiated session, int budget) {
        List<byte[]> out = new ArrayList<>();
        if (routes.isEmpty()) return out;
        Map<Bytes, List<Change>> byNextHop = new LinkedHashMap<>();
        for (Change c : routes) {
            IpAddress nh = c.route().nextHop();
            byNextHop.computeIfAbsent(nh == null ? Bytes.EMPTY : nh.bytes(), k -> new ArrayList<>()).add(c);
        }
        for (List<Change> group : byNextHop.values()) {
            IpAddress nh = group.getFirst().route().nextHop();
            int rd = nh == null ? 0 : PackingRules.nextHopRdLength(family);
            payload.reset();
            int head = writeReachHead(family, nh, rd);
            for (Change c : group) {
                nlri.reset();
                c.route().nlri().encode(nlri, session.sendsPathId(family));
                if (attributeSize(payload.length() + nlri.length()) > budget) {
                    if (payload.length() == head) return out; // one NLRI does not fit: give up, as ExaBGP
                    out.add(attribute(AttributeCode.MP_REACH_NLRI, payload));
                    payload.reset();
                    writeReachHead(family, nh, rd);
                }
                payload.writer(nlri);
            }
            out.add(attribute(AttributeCode.MP_REACH_NLRI, payload));
        }
        return out;
    }

    /** RFC 4760 §3: AFI, SAFI, next-hop length and address (8 zero RD bytes first for VPN), reserved byte. */
    private int writeReachHead(Family family, @Nullable IpAddress nh, int rd) {
        payload.u16(family.afi().value()).u8(family.safi().value());
        int length = nh == null ? 0 : rd + nh.bytes().length();
        payload.u8(length);
        for (int i = 0; i < rd; i++) payload.u8(0);
        if (nh != null) payload.bytes(nh.bytes());
        payload.u8(0);
        return payload.length();
    }

    /** MP_UNREACH_NLRI attributes (RFC 4760 §4): AFI, SAFI, withdrawn NLRIs, split to the budget. */
    private List<byte[]> unreachAttributes(Family family, List<Change> routes, Negotiated session, int budget) {
        List<byte[]> out = new ArrayList<>();
        if (routes.isEmpty()) return out;
        payload.reset();
        payload.u16(family.afi().value()).u8(family.safi().value());
        int head = payload.length();
        for (Change c : routes) {
            nlri.reset();
            c.route().nlri().encode(nlri, session.sendsPathId(family));
            if (attributeSize(payload.length() + nlri.length()) > budget) {
                if (payload.length() == head) return out;
                out.add(attribute(AttributeCode.MP_UNREACH_NLRI, payload));
                payload.reset();
                payload.u16(family.afi().value()).u8(family.safi().value());
            }
            payload.writer(nlri);
        }
        out.add(attribute(AttributeCode.MP_UNREACH_NLRI, payload));
        return out;
    }

    private static int attributeSize(int valueLength) {
        return (valueLength > 255 ? 4 : 3) + valueLength;
    }

    /** Optional, non-transitive (RFC 4760 §3, §4); extended length past 255 bytes. */
    private static byte[] attribute(AttributeCode code, WireWriter value) {
        WireWriter a = new WireWriter(value.length() + 4);
        if (value.length() > 255) {
            a.u8(OPTIONAL | EXTENDED_LENGTH).u8(code.value()).u16(value.length());
        } else {
            a.u8(OPTIONAL).u8(code.value()).u8(value.length());
        }
        return a.writer(value).toByteArray();
    }

    /** RFC 4271 §4.1: 16-byte all-ones marker, length (patched by finishMessage), type. */
    private void startMessage() {
        message.reset();
        for (int i = 0; i < 16; i++) message.u8(0xFF);
        message.u16(0).u8(UPDATE);
    }

    /** Returns the message's length. */
    private int finishMessage(UpdateSink sink) {
        message.setU16(16, message.length());
        sink.update(message.array(), message.length());
        return message.length();
    }

    private record Keyed(RouteKey key, Change change) {}

    private static final class MpRoutes {
        final List<Change> announcements = new ArrayList<>();
        final List<Change> withdrawals = new ArrayList<>();
    }
}
