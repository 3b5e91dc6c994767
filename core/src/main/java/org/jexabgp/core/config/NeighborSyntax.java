package org.jexabgp.core.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jexabgp.core.model.ApiBinding;
import org.jexabgp.core.model.ApiBinding.ApiMessage;
import org.jexabgp.core.model.Capabilities.AddPath;
import org.jexabgp.core.model.NextHopFamily;
import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Safi;
import org.jspecify.annotations.Nullable;

/** The body of {@code neighbor} and {@code template { neighbor }} (config.md §6–§9) into a {@link NeighborDraft}. */
final class NeighborSyntax {
    private NeighborSyntax() {}

    /** The families a {@code family { }} block may name (config.md §8); ipv6 multicast and ipv4 rtc are implicit. */
    static final List<Family> CONFIGURABLE = List.of(
            Family.of(1, 1), Family.of(1, 2), Family.of(1, 4), Family.of(1, 5), Family.of(1, 85), Family.of(1, 128),
            Family.of(1, 133), Family.of(1, 134), Family.of(2, 1), Family.of(2, 4), Family.of(2, 5), Family.of(2, 85),
            Family.of(2, 128), Family.of(2, 133), Family.of(2, 134), Family.of(25, 65), Family.of(25, 70),
            Family.of(16388, 71), Family.of(16388, 72));

    /** No family block: every family ExaBGP knows (config.md §8, 21 of them), in (AFI, SAFI) order. */
    static final List<Family> ALL_FAMILIES = allFamilies();

    private static List<Family> allFamilies() {
        List<Family> all = new ArrayList<>(CONFIGURABLE);
        all.add(Family.IPV6_MULTICAST);
        all.add(Family.of(1, 132));
        return all.stream().sorted().toList();
    }

    static void body(Block block, NeighborDraft draft, ParseScope scope) throws ConfigError {
        block.section(s -> {
            if (s.opens()) section(block, s, draft, scope);
            else command(s, draft);
        });
    }

    private static void section(Block block, Statement s, NeighborDraft draft, ParseScope scope)
            throws ConfigError {
        Token head = s.head();
        switch (head.text()) {
            case "family" -> {
                noArguments(s);
                draft.families = families(block, draft.families == null ? new ArrayList<>() : draft.families);
            }
            case "add-path" -> {
                noArguments(s);
                draft.addPath = families(block, draft.addPath == null ? new ArrayList<>() : draft.addPath);
            }
            case "nexthop" -> {
                noArguments(s);
                if (draft.nextHops == null) draft.nextHops = new ArrayList<>();
                nextHops(block, draft.nextHops);
            }
            case "capability" -> {
                noArguments(s);
                block.section(c -> capability(c, draft));
            }
            case "api" -> draft.api.add(new NeighborDraft.Item<>(api(block, s, scope, draft), head));
            case "static" -> {
                noArguments(s);
                RouteSyntax.staticSection(block, draft);
            }
            case "announce" -> {
                noArguments(s);
                RouteSyntax.announceSection(block, draft);
            }
            case "l2vpn" -> {
                noArguments(s);
                L2vpnSyntax.section(block, draft);
            }
            case "flow" -> {
                noArguments(s);
                FlowSyntax.section(block, draft);
            }
            case "operational" -> {
                noArguments(s);
                OperationalSyntax.section(block, draft);
            }
            default ->
                throw ConfigError.at(
                        head, "a neighbor section", "section " + head.text() + " is invalid in neighbor");
        }
    }

    static void noArguments(Statement s) throws ConfigError {
        if (s.words().size() > 1) throw ConfigError.at(s.words().get(1), "'{'");
    }

    private static void command(Statement s, NeighborDraft d) throws ConfigError {
        Cursor c = new Cursor(s);
        Token kw = c.next("a neighbor keyword");
        String k = kw.text();
        switch (k) {
            case "description" -> d.put(k, c.hasNext() ? c.word("a description") : "", kw);
            case "router-id" -> d.put(k, Values.ipv4(c.next("a router-id (IPv4 address)")), kw);
            case "local-address" -> {
                Token t = c.next("an IP address or auto");
                d.put(k, t.text().equals("auto") ? NeighborDraft.AUTO : Values.ip(t), kw);
            }
            case "local-as", "peer-as" -> {
                Token t = c.next("an ASN or auto");
                d.put(k, t.text().equals("auto") ? NeighborDraft.AUTO : Values.asn(t), kw);
            }
            case "hold-time" -> {
                Token t = c.next("a hold-time");
                int v = (int) Values.number(t, 0, 0xFFFF, "a hold-time (0 or 3..65535)");
                if (v == 1 || v == 2) throw ConfigError.at(t, "a hold-time (0 or 3..65535)");
                d.put(k, v, kw);
            }
            case "passive", "group-updates", "auto-flush" -> d.put(k, c.hasNext() ? Values.bool(c.next("")) : true, kw);
            // quirk D7: these bare keywords mean false
            case "adj-rib-in", "adj-rib-out", "manual-eor" ->
                d.put(k, c.hasNext() ? Values.bool(c.next("")) : false, kw);
            case "listen", "connect" -> d.put(k, (int) Values.number(c.next("a port"), 0, 0xFFFF, "a port"), kw);
            case "source-interface" -> d.put(k, c.word("an interface name"), kw);
            case "outgoing-ttl", "incoming-ttl" -> {
                Token t = c.next("a TTL (0..255) or disable");
                String v = t.text().toLowerCase(Locale.ROOT);
                boolean off = v.equals("false") || v.equals("disable") || v.equals("disabled");
                d.put(k, off ? -1 : (int) Values.number(t, 0, 255, "a TTL (0..255) or disable"), kw);
            }
            case "md5-password" -> d.put(k, c.word("an md5 password"), kw);
            case "md5-base64" -> {
                if (!c.hasNext()) d.put(k, "false", kw);
                else {
                    Token t = c.next("");
                    d.put(k, t.text().equalsIgnoreCase("auto") ? "auto" : String.valueOf(Values.bool(t)), kw);
                }
            }
            case "md5-ip" -> d.put(k, Values.ip(c.next("an IP address")), kw);
            case "rate-limit" -> {
                Token t = c.next("a rate (1 or more) or disable");
                String v = t.text().toLowerCase(Locale.ROOT);
                // an explicit 0 is rejected; "disable" is how to turn it off (config.md §6.1)
                d.put(k, v.equals("disable") || v.equals("disabled")
                        ? 0
                        : (int) Values.number(t, 1, Integer.MAX_VALUE, "a rate (1 or more) or disable"), kw);
            }
            case "host-name" -> d.put(k, hostName(c.next("a host name"), false), kw);
            case "domain-name" -> d.put(k, hostName(c.next("a domain name"), true), kw);
            case "inherit" -> {
                if (c.peekIs("[")) {
                    c.expect("[");
                    while (!c.peekIs("]")) {
                        Token t = c.next("a template name or ']'");
                        d.inherit.add(new NeighborDraft.Item<>(t.text(), t));
                    }
                    c.expect("]");
                } else {
                    Token t = c.next("a template name");
                    d.inherit.add(new NeighborDraft.Item<>(t.text(), t));
                }
            }
            case "route" ->
                throw ConfigError.at(
                        kw, "a neighbor keyword", "routes must be inside static, announce, flow or l2vpn");
            default -> throw ConfigError.at(kw, "a neighbor keyword", "invalid keyword \"" + k + "\"");
        }
        c.requireEnd();
    }

    /** config.md §6.1: letters, digits, '.', '-'; no ".."; host names start alnum and end with a letter. */
    private static String hostName(Token t, boolean domain) throws ConfigError {
        String s = t.text();
        boolean ok = !s.isEmpty() && s.length() <= 255 && !s.contains("..");
        for (int i = 0; ok && i < s.length(); i++) {
            char ch = s.charAt(i);
            ok = Character.isLetterOrDigit(ch) && ch < 128 || ch == '.' || ch == '-';
        }
        if (ok) {
            char first = s.charAt(0), last = s.charAt(s.length() - 1);
            ok = Character.isLetter(last) && (domain ? Character.isLetter(first) : Character.isLetterOrDigit(first));
        }
        if (!ok) throw ConfigError.at(t, domain ? "a domain name" : "a host name");
        return s;
    }

    /** {@code family { }} / {@code add-path { }}: {@code <afi> <safi>;} or {@code all;} (config.md §8). */
    private static List<NeighborDraft.Item<Family>> families(Block block, List<NeighborDraft.Item<Family>> into)
            throws ConfigError {
        List<NeighborDraft.Item<Family>> local = new ArrayList<>();
        boolean[] all = {false};
        block.section(s -> {
            if (s.opens()) throw ConfigError.at(s.head(), "'<afi> <safi>;'", "section is invalid in family");
            Cursor c = new Cursor(s);
            Token afi = c.next("an afi");
            if (afi.text().equals("all")) {
                c.requireEnd();
                if (all[0] || !local.isEmpty())
                    throw ConfigError.at(afi, "one family per line", "all can not be used with other families");
                all[0] = true;
                for (Family f : CONFIGURABLE) local.add(new NeighborDraft.Item<>(f, afi));
                return;
            }
            if (all[0]) throw ConfigError.at(afi, "end of section", "all can not be used with other families");
            Token safi = c.next("a safi");
            c.requireEnd();
            Family f = family(afi, safi);
            for (NeighborDraft.Item<Family> i : local)
                if (i.value().equals(f)) throw ConfigError.at(afi, "a new family", "duplicate family " + f);
            local.add(new NeighborDraft.Item<>(f, afi));
        });
        into.addAll(local);
        return into;
    }

    static Family family(Token afi, Token safi) throws ConfigError {
        Family f;
        try {
            f = Family.parse(afi.text(), safi.text());
        } catch (IllegalArgumentException e) {
            throw ConfigError.at(afi, "a family (ipv4 unicast, ipv6 flow, ...)", afi.text() + " " + safi.text(), null);
        }
        // extension (docs/evpn.md): ipv4 rtc may be named too, so that a family block can keep it
        if (!CONFIGURABLE.contains(f) && !f.equals(org.jexabgp.wire.nlri.rtc.Rtc.IPV4_RTC)
                // extension (docs/sr-policy.md): ipv4/ipv6 sr-policy, never implied by an absent family block
                && !f.safi().equals(org.jexabgp.wire.Safi.SR_POLICY))
            throw ConfigError.at(afi, "a configurable family", f.name(), "invalid family " + f.name());
        return f;
    }

    /** {@code nexthop { <afi> <safi> <nexthop-afi>; }} (config.md §8). */
    private static void nextHops(Block block, List<NeighborDraft.Item<NextHopFamily>> into) throws ConfigError {
        block.section(s -> {
            if (s.opens()) throw ConfigError.at(s.head(), "'<afi> <safi> <nexthop-afi>;'");
            Cursor c = new Cursor(s);
            Token afi = c.next("an afi");
            Token safi = c.next("a safi");
            Token nh = c.next("a next-hop afi");
            c.requireEnd();
            Family f = family(afi, safi);
            Afi nhAfi;
            try {
                nhAfi = Afi.parse(nh.text());
            } catch (IllegalArgumentException e) {
                throw ConfigError.at(nh, "ipv4 or ipv6");
            }
            Set<Safi> allowed = Set.of(Safi.UNICAST, Safi.MULTICAST, Safi.NLRI_MPLS, Safi.MPLS_VPN);
            boolean ok = allowed.contains(f.safi())
                    && (f.afi().equals(Afi.IPV4) && nhAfi.equals(Afi.IPV6)
                            || f.afi().equals(Afi.IPV6) && nhAfi.equals(Afi.IPV4));
            if (!ok) throw ConfigError.at(afi, "ipv4|ipv6 unicast|multicast|nlri-mpls|mpls-vpn and the other afi");
            into.add(new NeighborDraft.Item<>(new NextHopFamily(f, nhAfi), afi));
        });
    }

    /** {@code capability { }} (config.md §7), into {@code capability.<keyword>} scalars. */
    private static void capability(Statement s, NeighborDraft d) throws ConfigError {
        if (s.opens()) throw ConfigError.at(s.head(), "a capability", "section is invalid in capability");
        Cursor c = new Cursor(s);
        Token kw = c.next("a capability");
        String key = "capability." + kw.text();
        switch (kw.text()) {
            case "asn4", "route-refresh", "multi-session", "operational", "extended-message", "nexthop", "aigp",
                    "link-local-nexthop" ->
                d.put(key, c.hasNext() ? Values.bool(c.next("")) : true, kw);
            // quirk D7: bare software-version means false
            case "software-version" -> d.put(key, c.hasNext() ? Values.bool(c.next("")) : false, kw);
            case "graceful-restart" -> {
                if (!c.hasNext()) d.put(key, 0, kw);
                else {
                    Token t = c.next("");
                    String v = t.text().toLowerCase(Locale.ROOT);
                    d.put(key, v.equals("disable") || v.equals("disabled")
                            ? -1
                            : (int) Values.number(t, 0, 0xFFFF, "restart seconds (0..65535) or disable"), kw);
                }
            }
            case "add-path" -> {
                Token t = c.next("disable, receive, send or send/receive");
                AddPath mode = switch (t.text().toLowerCase(Locale.ROOT)) {
                    case "disable", "disabled" -> AddPath.DISABLE;
                    case "receive" -> AddPath.RECEIVE;
                    case "send" -> AddPath.SEND;
                    case "send/receive" -> AddPath.SEND_RECEIVE;
                    default -> throw ConfigError.at(t, "disable, receive, send or send/receive");
                };
                d.put(key, mode, kw);
            }
            default -> throw ConfigError.at(kw, "a capability", "invalid keyword \"" + kw.text() + "\"");
        }
        c.requireEnd();
    }

    /** {@code api [<name>] { }} (config.md §9). */
    private static ApiBinding api(Block block, Statement s, ParseScope scope, NeighborDraft draft)
            throws ConfigError {
        Token head = s.head();
        String name;
        if (s.words().size() > 2) throw ConfigError.at(s.words().get(2), "'{'");
        if (s.words().size() == 2) {
            Token n = s.words().get(1);
            name = n.text();
            if (!name.matches("[A-Za-z0-9._-]+")) throw ConfigError.at(n, "an api name ([A-Za-z0-9._-])");
            if (!scope.apiNames.add(name))
                throw ConfigError.at(n, "a unique api name", "duplicate api name " + name);
        } else {
            name = scope.autoApiName();
        }
        List<String> processes = new ArrayList<>();
        List<String> matches = new ArrayList<>();
        boolean[] flags = new boolean[4];
        Set<ApiMessage> send = EnumSet.noneOf(ApiMessage.class);
        Set<ApiMessage> receive = EnumSet.noneOf(ApiMessage.class);
        block.section(st -> {
            Token kw = st.head();
            if (st.opens()) {
                noArguments(st);
                switch (kw.text()) {
                    case "send" -> block.section(m -> message(m, send));
                    case "receive" -> block.section(m -> message(m, receive));
                    default -> throw ConfigError.at(kw, "send or receive", "section is invalid in api");
                }
                return;
            }
            Cursor c = new Cursor(st);
            c.next("");
            switch (kw.text()) {
                case "processes", "processes-match" -> {
                    List<String> into = kw.text().equals("processes") ? processes : matches;
                    if (c.peekIs("[")) {
                        c.expect("[");
                        while (!c.peekIs("]")) {
                            Token p = c.next("a process name or ']'");
                            if (p.is(",")) continue;
                            into.add(p.text());
                            scope.referenced(p, kw.text().equals("processes-match"), draft.label);
                        }
                        c.expect("]");
                    } else {
                        Token p = c.next("a process name");
                        into.add(p.text());
                        scope.referenced(p, kw.text().equals("processes-match"), draft.label);
                    }
                }
                case "neighbor-changes" -> flags[0] = !c.hasNext() || Values.bool(c.next(""));
                case "negotiated" -> flags[1] = !c.hasNext() || Values.bool(c.next(""));
                case "fsm" -> flags[2] = !c.hasNext() || Values.bool(c.next(""));
                case "signal" -> flags[3] = !c.hasNext() || Values.bool(c.next(""));
                default -> throw ConfigError.at(kw, "an api keyword", "invalid keyword \"" + kw.text() + "\"");
            }
            c.requireEnd();
        });
        if (!processes.isEmpty() && !matches.isEmpty())
            throw ConfigError.at(head, "processes or processes-match", "processes and processes-match are exclusive");
        return new ApiBinding(name, processes, matches, flags[0], flags[1], flags[2], flags[3], send, receive);
    }

    private static void message(Statement s, Set<ApiMessage> into) throws ConfigError {
        if (s.opens()) throw ConfigError.at(s.head(), "a message type", "section is invalid here");
        Cursor c = new Cursor(s);
        Token kw = c.next("a message type");
        @Nullable ApiMessage m = null;
        for (ApiMessage x : ApiMessage.values()) if (x.keyword().equals(kw.text())) m = x;
        if (m == null) throw ConfigError.at(kw, "a message type", "invalid keyword \"" + kw.text() + "\"");
        boolean on = !c.hasNext() || Values.bool(c.next(""));
        c.requireEnd();
        if (on) into.add(m);
        else into.remove(m);
    }
}
