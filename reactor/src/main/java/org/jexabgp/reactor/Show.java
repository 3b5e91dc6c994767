package org.jexabgp.reactor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jexabgp.core.model.ApiBinding;
import org.jexabgp.core.model.Neighbor;
import org.jexabgp.core.model.Route;
import org.jexabgp.reactor.api.Command;
import org.jexabgp.reactor.api.CommandParser;
import org.jexabgp.reactor.json.JacksonJsonSink;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.capability.AddPath;
import org.jexabgp.wire.capability.Capability;
import org.jexabgp.wire.capability.CapabilityCode;
import org.jexabgp.wire.capability.Multiprotocol;
import org.jexabgp.wire.message.Open;
import org.jspecify.annotations.Nullable;

/** The output lines of {@code show neighbor}, {@code show adj-rib} and {@code help} (api.md §4.11, §4.12, §4.15). */
final class Show {
    private static final long SECOND = 1_000_000_000L;

    private Show() {}

    // ---- show neighbor ----

    static List<String> neighbors(List<Peer> peers, Command.ShowNeighbor s, long now) {
        List<String> out = new ArrayList<>();
        List<Peer> selected = new ArrayList<>();
        for (Peer p : peers) if (s.peer() == null || p.neighbor.peerAddress().toString().equals(s.peer())) selected.add(p);
        if (s.json()) {
            out.add(json(selected, now));
            return out;
        }
        switch (s.detail()) {
            case "summary" -> {
                out.add("Peer            AS        up/down state       |     #sent     #recvd");
                for (Peer p : selected) {
                    out.add(String.format(Locale.ROOT, "%-15s %-7s %9s %-12s %10d %10d", p.neighbor.peerAddress(),
                            orAuto(p.neighbor.peerAs()), p.upSince < 0 ? "down" : duration(now - p.upSince),
                            state(p), p.statistics.sent("update"), p.statistics.received("update")));
                }
            }
            case "extensive" -> {
                for (Peer p : selected) extensive(out, p, now);
            }
            case "configuration" -> {
                for (Peer p : selected) configuration(out, p.neighbor);
            }
            default -> {
                out.add("please specify summary, extensive or configuration");
                out.add("you can filter by peer ip address adding it after the word neighbor");
            }
        }
        return out;
    }

    private static String state(Peer p) {
        return p.session.state().name().toLowerCase(Locale.ROOT);
    }

    private static String orAuto(@Nullable Long v) {
        return v == null ? "auto" : v.toString();
    }

    /** {@code H:MM:SS}, as Python's timedelta prints whole seconds. */
    static String duration(long nanos) {
        long s = Math.max(0, nanos / SECOND);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static String row(String label, Object local) {
        return String.format(Locale.ROOT, "   %-21s%15s", label, local);
    }

    private static String row(String label, Object local, Object remote) {
        return row(label, local) + String.format(Locale.ROOT, "%16s", remote);
    }

    private static void extensive(List<String> out, Peer p, long now) {
        Neighbor n = p.neighbor;
        Open sent = p.sentOpen, got = p.receivedOpen;
        out.add("Neighbor " + n.peerAddress());
        out.add("");
        out.add(String.format(Locale.ROOT, "  %-22s%15s", "Session", "Local"));
        out.add(row("local", p.session.localAddress() == null ? "auto" : p.session.localAddress()));
        out.add(row("state", p.session.state().name()));
        out.add(row("up for", p.upSince < 0 ? "down" : duration(now - p.upSince)));
        out.add("");
        out.add(String.format(Locale.ROOT, "  %-22s%15s%16s", "Setup", "Local", "Remote"));
        out.add(row("AS", orAuto(n.localAs()), got == null ? orAuto(n.peerAs()) : got.asn()));
        // ExaBGP shows our router-id as the remote one (api.md §4.11); we show what the peer sent
        out.add(row("ID", n.routerId(), got == null ? "-" : got.routerId()));
        out.add(row("hold-time", sent == null ? n.holdTimeSeconds() : sent.holdTimeSeconds(),
                got == null ? "-" : got.holdTimeSeconds()));
        out.add("");
        out.add(String.format(Locale.ROOT, "  %-22s%15s%16s", "Capability", "Local", "Remote"));
        Set<String> local = capabilityNames(sent), remote = capabilityNames(got);
        Set<String> names = new LinkedHashSet<>(local);
        names.addAll(remote);
        names.remove("multiprotocol");
        for (String c : names) row(out, c + ":", local.contains(c), remote.contains(c));
        out.add("");
        out.add(String.format(Locale.ROOT, "  %-22s%15s%16s%16s", "Families", "Local", "Remote", "Add-Path"));
        Set<Family> lf = families(sent, n.families()), rf = families(got, List.of());
        Set<Family> all = new LinkedHashSet<>(lf);
        all.addAll(rf);
        for (Family f : all)
            out.add(row(f.name() + ":", enabled(lf.contains(f)), enabled(rf.contains(f)))
                    + String.format(Locale.ROOT, "%16s", addPath(p.session.negotiated(), f)));
        out.add(String.format(Locale.ROOT, "  %-22s%15s%16s", "Message Statistic", "Sent", "Received"));
        for (String m : MessageStatistics.NAMES)
            out.add(row(m + ":", p.statistics.sent(m), p.statistics.received(m)));
        out.add(row("total:", p.statistics.total(false), p.statistics.total(true)));
    }

    private static void row(List<String> out, String label, boolean local, boolean remote) {
        out.add(row(label, enabled(local), enabled(remote)));
    }

    private static String enabled(boolean b) {
        return b ? "enabled" : "disabled";
    }

    private static Set<String> capabilityNames(@Nullable Open open) {
        Set<String> out = new LinkedHashSet<>();
        if (open != null) for (Capability c : open.capabilities()) out.add(CapabilityCode.of(c.code()).name());
        return out;
    }

    private static Set<Family> families(@Nullable Open open, List<Family> fallback) {
        Set<Family> out = new LinkedHashSet<>();
        if (open == null) {
            out.addAll(fallback);
            return out;
        }
        for (Capability c : open.capabilities()) if (c instanceof Multiprotocol m) out.add(m.family());
        return out;
    }

    private static String addPath(@Nullable Negotiated n, Family f) {
        if (n == null) return "disabled";
        boolean s = n.addPathSend().contains(f), r = n.addPathReceive().contains(f);
        return s && r ? "send/receive" : s ? "send" : r ? "receive" : "disabled";
    }

    /** The neighbour in configuration syntax (the parts ExaBGP prints; two-space indent). */
    private static void configuration(List<String> out, Neighbor n) {
        out.add("neighbor " + n.peerAddress() + " {");
        if (!n.description().isEmpty()) out.add("  description \"" + n.description() + "\";");
        out.add("  router-id " + n.routerId() + ";");
        if (n.localAddress() != null) out.add("  local-address " + n.localAddress() + ";");
        if (n.localAs() != null) out.add("  local-as " + n.localAs() + ";");
        if (n.peerAs() != null) out.add("  peer-as " + n.peerAs() + ";");
        out.add("  hold-time " + n.holdTimeSeconds() + ";");
        if (n.passive()) out.add("  passive;");
        out.add("  family {");
        for (Family f : n.families()) out.add("    " + f.name() + ";");
        out.add("  }");
        for (ApiBinding b : n.api()) {
            out.add("  api {");
            if (!b.processes().isEmpty()) out.add("    processes [ " + String.join(" ", b.processes()) + " ];");
            if (!b.processesMatch().isEmpty())
                out.add("    processes-match [ " + String.join(" ", b.processesMatch()) + " ];");
            if (b.neighborChanges()) out.add("    neighbor-changes;");
            out.add("  }");
        }
        for (Route r : n.routes()) {
            RibEntry e = RibEntry.of(r);
            out.add("  route " + e.nlriText() + e.attributesText() + ";");
        }
        out.add("}");
    }

    /** api.md §4.11 json: one line, an array with one object per peer. */
    private static String json(List<Peer> peers, long now) {
        JacksonJsonSink out = new JacksonJsonSink();
        out.beginArray();
        for (Peer p : peers) {
            Negotiated n = p.session.negotiated();
            boolean up = p.session.established();
            out.beginObject();
            out.field("state", up ? "up" : "down");
            out.field("duration", p.upSince < 0 ? 0 : (now - p.upSince) / SECOND);
            out.field("fsm", p.session.state().name());
            side(out, "local", p.sentOpen, p.session.localAddress() == null ? "None" : p.session.localAddress().toString(),
                    n, true);
            side(out, "peer", p.receivedOpen, p.neighbor.peerAddress().toString(), n, false);
            out.beginObject("messages");
            for (boolean received : new boolean[] {false, true}) {
                out.beginObject(received ? "received" : "sent");
                for (String m : new String[] {"open", "notification", "keepalive", "update", "refresh"})
                    out.field(m, received ? p.statistics.received(m) : p.statistics.sent(m));
                out.field("total", p.statistics.total(received));
                out.endObject();
            }
            out.endObject();
            out.beginArray("capabilities");
            if (up) {
                Set<String> common = capabilityNames(p.sentOpen);
                common.retainAll(capabilityNames(p.receivedOpen));
                for (String c : common) out.value(c);
            }
            out.endArray();
            out.beginArray("families");
            if (n != null) for (Family f : n.families()) out.value(f.name());
            out.endArray();
            out.beginObject("add-path");
            if (n != null) for (Family f : n.families()) out.field(f.name(), addPath(n, f));
            out.endObject();
            out.endObject();
        }
        out.endArray();
        return out.text();
    }

    private static void side(JacksonJsonSink out, String key, @Nullable Open open, String address,
            @Nullable Negotiated n, boolean local) {
        out.beginObject(key);
        out.beginObject("capabilities");
        for (String c : capabilityNames(open)) if (!c.equals("multiprotocol")) out.field(c, true);
        out.endObject();
        out.beginObject("families");
        for (Family f : families(open, List.of())) out.field(f.name(), true);
        out.endObject();
        out.beginObject("add-path");
        if (open != null) {
            for (Capability c : open.capabilities()) {
                if (!(c instanceof AddPath a)) continue;
                for (AddPath.Entry e : a.families())
                    out.field(e.family().name(), switch (e.mode()) {
                        case 1 -> "receive";
                        case 2 -> "send";
                        case 3 -> "send/receive";
                        default -> "disabled";
                    });
            }
        }
        out.endObject();
        out.field("address", address);
        if (open != null) {
            out.field("as", local || n == null ? open.asn() : n.peerAs());
            out.field("id", open.routerId().toString());
            out.field("hold", open.holdTimeSeconds());
        }
        out.endObject();
    }

    // ---- show adj-rib ----

    static List<String> adjRib(List<Peer> peers, Command.ShowAdjRib s) {
        List<String> out = new ArrayList<>();
        for (Peer p : peers) {
            if (s.peer() != null && !p.neighbor.peerAddress().toString().equals(s.peer())) continue;
            List<RibEntry> entries = new ArrayList<>();
            if (s.in()) entries.addAll(p.ribInRoutes());
            else for (Route r : p.rib.routes()) entries.add(RibEntry.of(r));
            for (RibEntry e : entries) {
                if (!s.kind().includes(e.family())) continue;
                out.add(s.json() ? json(p, e, s.extensive()) : text(p, e, s.extensive()));
            }
        }
        return out;
    }

    private static String text(Peer p, RibEntry e, boolean extensive) {
        String who = extensive ? p.name() : p.neighbor.peerAddress().toString();
        String line = who + " " + e.family().name() + " " + e.nlriText();
        return extensive ? line + e.attributesText() : line;
    }

    /** One object per route and line (json.md J9: ExaBGP repeats every previous route on each line). */
    private static String json(Peer p, RibEntry e, boolean extensive) {
        JacksonJsonSink out = new JacksonJsonSink();
        out.beginObject();
        out.beginObject(p.neighbor.peerAddress().toString());
        out.beginArray("routes");
        out.beginObject();
        out.field("prefix", e.nlri().text());
        out.field("family", e.family().name());
        if (e.nextHop() != null) out.field("next-hop", e.nextHop());
        out.key("nlri");
        e.nlri().json(out, e.nlri().pathId() != 0);
        if (extensive) {
            out.beginObject("attribute");
            for (Attribute a : e.attributes()) a.json(out);
            out.endObject();
        }
        out.endObject();
        out.endArray();
        out.endObject();
        out.endObject();
        return out.text();
    }

    // ---- help ----

    /** api.md §4.15: the listing, commands that take neighbour selectors shown with them. */
    static List<String> help() {
        List<String> out = new ArrayList<>();
        out.add("");
        String title = "available API commands are listed here:";
        out.add(title);
        out.add("=".repeat(title.length()));
        out.add("");
        out.add("filter can be: [local-ip <ip>][local-as <asn>][peer-as <asn>][router-id <router-id>]");
        out.add("");
        out.add("command are:");
        out.add("============");
        out.add("");
        for (String name : CommandParser.NAMES_FOR_HELP) out.add(CommandParser.usage(name));
        out.add("");
        return out;
    }
}
