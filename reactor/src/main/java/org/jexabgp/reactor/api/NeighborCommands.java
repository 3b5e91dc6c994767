package org.jexabgp.reactor.api;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The neighbour commands (docs/neighbors.md; users.md §2.10 #294, #372): {@code create neighbor} with a section in
 * configuration syntax, or ExaBGP 5's one-line form ({@code create neighbor <ip> local-address <ip> local-as <asn>
 * peer-as <asn> [router-id <id>] [family-allowed <afi-safi/…>] [graceful-restart <s>] [group-updates <bool>]
 * [api <process>]…}) turned into the same section; and {@code delete neighbor <selector>}. Pure.
 */
final class NeighborCommands {
    private static final String CREATE = "create neighbor ";
    private static final String DELETE = "delete neighbor ";
    /** Their names, for {@code help}: they are matched here, before the other commands' names are tried. */
    static final List<String> NAMES = List.of(CREATE.strip(), DELETE.strip());

    private NeighborCommands() {}

    /** The command when the normalised line is one of ours, else null. */
    static @Nullable Command parse(String line) {
        try {
            if (line.startsWith(CREATE)) return create(line.substring(CREATE.length()).trim());
            if (line.startsWith(DELETE)) return new Command.DeleteNeighbor(
                    CommandParser.selectors("neighbor " + line.substring(DELETE.length()).trim()));
        } catch (IllegalArgumentException e) {
            return new Command.Invalid(line, e.getMessage());
        }
        return null;
    }

    private static Command create(String rest) {
        int brace = rest.indexOf('{');
        if (brace >= 0) {
            if (!rest.endsWith("}")) throw new IllegalArgumentException("create neighbor: the section must end with }");
            String address = rest.substring(0, brace).trim();
            if (address.isEmpty() || address.contains(" "))
                throw new IllegalArgumentException("create neighbor <ip> { … }: one address before the section");
            return new Command.CreateNeighbor("neighbor " + rest);
        }
        return new Command.CreateNeighbor(section(rest.split(" ")));
    }

    /** ExaBGP 5's key/value form as a configuration section. */
    private static String section(String[] w) {
        if (w.length == 0 || w[0].isEmpty())
            throw new IllegalArgumentException("create neighbor: an address is needed");
        StringBuilder body = new StringBuilder();
        List<String> processes = new ArrayList<>();
        String families = null;
        String restart = null;
        if (w.length % 2 != 1)
            throw new IllegalArgumentException("create neighbor: a value is missing after " + w[w.length - 1]);
        for (int i = 1; i < w.length; i += 2) {
            String key = w[i], value = w[i + 1];
            switch (key) {
                case "local-address", "local-as", "peer-as", "router-id", "group-updates", "hold-time", "passive",
                        "description", "connect", "listen", "md5-password", "outgoing-ttl", "incoming-ttl" ->
                    body.append(key).append(' ').append(value).append("; ");
                case "family-allowed" -> families = value;
                case "graceful-restart" -> restart = value;
                case "api" -> processes.add(value);
                default -> throw new IllegalArgumentException("create neighbor: unknown setting " + key);
            }
        }
        if (families != null && !families.equals("in-open")) {
            body.append("family { ");
            for (String f : families.split("/")) {
                int dash = f.indexOf('-');
                if (dash < 0) throw new IllegalArgumentException("create neighbor: family " + f + " is not afi-safi");
                body.append(f, 0, dash).append(' ').append(f.substring(dash + 1)).append("; ");
            }
            body.append("} ");
        }
        if (restart != null) body.append("capability { graceful-restart ").append(restart).append("; } ");
        if (!processes.isEmpty())
            body.append("api { processes [ ").append(String.join(" ", processes)).append(" ]; } ");
        return "neighbor " + w[0] + " { " + body + "}";
    }
}
