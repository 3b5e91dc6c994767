package org.jexabgp.core.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jexabgp.core.model.Neighbor;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.capability.AddPath;
import org.jexabgp.wire.capability.Asn4;
import org.jexabgp.wire.capability.Capability;
import org.jexabgp.wire.capability.EnhancedRouteRefresh;
import org.jexabgp.wire.capability.ExtendedMessage;
import org.jexabgp.wire.capability.ExtendedNextHop;
import org.jexabgp.wire.capability.MultiSession;
import org.jexabgp.wire.capability.Multiprotocol;
import org.jexabgp.wire.capability.Operational;
import org.jexabgp.wire.capability.RouteRefresh;
import org.jexabgp.wire.message.Open;
import org.jspecify.annotations.Nullable;

/**
 * Validates the peer's OPEN and works out what both sides agreed on (wire.md §3.3). "Ours" includes the capabilities
 * ExaBGP keeps but never puts on the wire (empty values), as ExaBGP does.
 */
public final class Negotiation {
    private Negotiation() {}

    /** Either the negotiated session, or the error to send. */
    public record Result(@Nullable Negotiated negotiated, @Nullable Malformed error) {}

    /** Our ASN: the configured one; with {@code local-as auto}, the peer's (see runtime.md §8). */
    static long localAs(Neighbor n) {
        Long as = n.localAs();
        if (as != null) return as;
        Long peer = n.peerAs();
        return peer != null ? peer : 0;
    }

    /** What encoders use before both OPENs are known: 4096 bytes, 2-byte-safe ASN handling, no add-path. */
    public static Negotiated beforeOpen(Neighbor n) {
        Long peer = n.peerAs();
        return new Negotiated(localAs(n), peer == null ? 0 : peer, false, Negotiated.STANDARD_SIZE,
                n.holdTimeSeconds(), List.of(), Set.of(), Set.of(), Set.of(), Negotiated.Refresh.ABSENT, false,
                false, false);
    }

    /** A neutral context for messages outside any session (refusing a connection). */
    public static Negotiated standard() {
        return new Negotiated(0, 0, false, Negotiated.STANDARD_SIZE, 0, List.of(), Set.of(), Set.of(), Set.of(),
                Negotiated.Refresh.ABSENT, false, false, false);
    }

    public static Result negotiate(Neighbor neighbor, Open ours, Open theirs) {
        if (theirs.version() != 4)
            return fail(2, 1, "version number: " + theirs.version());
        Carried we = new Carried(ours), they = new Carried(theirs);
        boolean asn4 = we.asn4 && they.asn4;
        long peerAs = theirs.asn();
        if (asn4 && theirs.asn() == Open.AS_TRANS && theirs.asn4().isPresent()) peerAs = theirs.asn4().get();
        else if (asn4 && theirs.asn4().isPresent()) peerAs = theirs.asn4().get();
        Long expected = neighbor.peerAs();
        if (expected != null && expected != peerAs)
            return fail(2, 2, "ASN in OPEN (" + peerAs + ") did not match ASN expected (" + expected + ")");
        if (theirs.routerId().equals(IpAddress.V4_ZERO)) return fail(2, 3, "0.0.0.0 is an invalid router_id");
        long localAs = ours.asn4().orElse(ours.asn());
        if (localAs == peerAs && theirs.routerId().equals(ours.routerId()))
            return fail(2, 3, "BGP Identifier collision, same router-id (" + ours.routerId()
                    + ") on both sides of this IBGP session");
        if (theirs.holdTimeSeconds() == 1 || theirs.holdTimeSeconds() == 2)
            return fail(2, 6, "Hold Time is invalid (" + theirs.holdTimeSeconds() + ")");

        int hold = Math.min(ours.holdTimeSeconds(), theirs.holdTimeSeconds());
        // Families: the peer's MP order, keeping those we also announced (wire.md §3.3).
        Set<Family> mine = new HashSet<>(families(ours));
        List<Family> families = new ArrayList<>();
        for (Family f : families(theirs)) if (mine.contains(f) && !families.contains(f)) families.add(f);

        Set<Family> send = new HashSet<>(), receive = new HashSet<>();
        for (AddPath.Entry o : addPath(ours)) {
            for (AddPath.Entry t : addPath(theirs)) {
                if (!o.family().equals(t.family())) continue;
                if ((o.mode() & AddPath.SEND) != 0 && (t.mode() & AddPath.RECEIVE) != 0) send.add(o.family());
                if ((o.mode() & AddPath.RECEIVE) != 0 && (t.mode() & AddPath.SEND) != 0) receive.add(o.family());
            }
        }
        Set<Negotiated.NextHopFamily> nexthops = new LinkedHashSet<>();
        for (ExtendedNextHop.Entry o : nextHops(ours))
            for (ExtendedNextHop.Entry t : nextHops(theirs))
                if (o.equals(t)) nexthops.add(new Negotiated.NextHopFamily(o.family(), o.nextHopAfi()));

        Negotiated.Refresh refresh = we.enhancedRefresh && they.enhancedRefresh
                ? Negotiated.Refresh.ENHANCED
                : we.refresh && they.refresh ? Negotiated.Refresh.NORMAL : Negotiated.Refresh.ABSENT;
        boolean extended = we.extendedMessage && they.extendedMessage;
        boolean multi = we.multiSession && they.multiSession;
        if (we.multiSession && !they.multiSession) return fail(2, 9, "peer does not support multi-session");
        boolean operational = we.operational && they.operational;
        Negotiated n = new Negotiated(localAs, peerAs, asn4,
                extended ? Negotiated.EXTENDED_SIZE : Negotiated.STANDARD_SIZE, hold, families, send, receive,
                nexthops, refresh, multi, operational, neighbor.capabilities().aigp());
        return new Result(n, null);
    }

    private static Result fail(int code, int subcode, String text) {
        return new Result(null, new Malformed(code, subcode, text));
    }

    /**
     * Which of the capabilities negotiation looks for an OPEN carries, found in one pass with instanceof: a search per
     * kind through Class.isInstance, a native call while the JVM interprets, was a third of a session's start for 200
     * neighbours (issue 9).
     */
    private static final class Carried {
        boolean asn4, refresh, enhancedRefresh, extendedMessage, multiSession, operational;

        Carried(Open open) {
            for (Capability c : open.capabilities()) {
                if (c instanceof Asn4) asn4 = true;
                else if (c instanceof RouteRefresh) refresh = true;
                else if (c instanceof EnhancedRouteRefresh) enhancedRefresh = true;
                else if (c instanceof ExtendedMessage) extendedMessage = true;
                else if (c instanceof MultiSession) multiSession = true;
                else if (c instanceof Operational) operational = true;
            }
        }
    }

    private static List<Family> families(Open open) {
        List<Family> out = new ArrayList<>();
        for (Capability c : open.capabilities()) if (c instanceof Multiprotocol m) out.add(m.family());
        return out;
    }

    private static List<AddPath.Entry> addPath(Open open) {
        List<AddPath.Entry> out = new ArrayList<>();
        for (Capability c : open.capabilities()) if (c instanceof AddPath a) out.addAll(a.families());
        return out;
    }

    private static List<ExtendedNextHop.Entry> nextHops(Open open) {
        List<ExtendedNextHop.Entry> out = new ArrayList<>();
        for (Capability c : open.capabilities()) if (c instanceof ExtendedNextHop e) out.addAll(e.entries());
        return out;
    }
}
