package org.jexabgp.reactor;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.core.model.Route;
import org.jexabgp.reactor.api.Command;
import org.jexabgp.wire.attribute.Attribute;

/** The text of {@code show} and {@code help} answers (api.md §4.11). */
final class Show {
    private Show() {}

    static List<String> neighbor(Peer p, Command.ShowNeighbor s) {
        List<String> out = new ArrayList<>();
        String filter = s.filter();
        if (!filter.isEmpty() && filter.matches(".*\\d+\\.\\d+.*|.*:.*")
                && !filter.contains(p.neighbor.peerAddress().toString())) return out;
        if (s.detail().equals("summary")) {
            out.add(String.format("%-20s %-10s %-14s", p.neighbor.peerAddress(), p.neighbor.peerAs() == null ? "auto"
                    : p.neighbor.peerAs(), p.session.state().name().toLowerCase(java.util.Locale.ROOT)));
            return out;
        }
        out.add("Neighbor " + p.neighbor.peerAddress());
        out.add("    Session                         " + p.session.state().name().toLowerCase(java.util.Locale.ROOT));
        out.add("    Local Address                   " + (p.session.localAddress() == null ? "auto" : p.session.localAddress()));
        out.add("    Local AS                        " + (p.neighbor.localAs() == null ? "auto" : p.neighbor.localAs()));
        out.add("    Peer AS                         " + (p.neighbor.peerAs() == null ? "auto" : p.neighbor.peerAs()));
        out.add("    Router ID                       " + p.neighbor.routerId());
        return out;
    }

    static List<String> adjRib(Peer p, Command.ShowAdjRib s) {
        List<String> out = new ArrayList<>();
        if (s.in()) return out;
        for (Route r : p.rib.routes()) {
            StringBuilder sb = new StringBuilder("neighbor ").append(p.neighbor.peerAddress()).append(' ');
            sb.append(r.family().name()).append(' ').append(r.nlri().text());
            if (r.nextHop() != null) sb.append(" next-hop ").append(r.nextHop());
            for (Attribute a : r.attributes().all()) sb.append(' ').append(a.text());
            out.add(sb.toString());
        }
        return out;
    }

    static List<String> help() {
        List<String> out = new ArrayList<>();
        out.add("available API commands:");
        for (String name : org.jexabgp.reactor.api.CommandParser.NAMES_FOR_HELP) out.add("  " + name);
        return out;
    }
}
