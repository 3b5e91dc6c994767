package org.jexabgp.functional;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A scenario's {@code expect} file: how the fake peer behaves and which messages the daemon must send, grouped by
 * sequence number (docs/testing.md). Groups are checked in ascending number; inside a group any order is accepted.
 *
 * <pre>
 * option peer-as 65010          # the peer's ASN (default: the daemon's own, iBGP)
 * option peer-capability 46 00  # the peer adds this capability (code length value) to its OPEN
 * option mirror-add-path        # the peer answers ADD-PATH send with receive and receive with send
 * group 1
 * expect update                 # the body after the 19-byte header (RFC 4271 §4.1)
 *     0000                      # no withdrawn routes
 *     0000                      # no path attributes: End-of-RIB (RFC 4724 §2)
 * group 2
 * signal USR1                   # an action, carried out when it reaches the head of its group
 * </pre>
 */
public record Expectations(Options options, List<Group> groups) {
    public Expectations {
        groups = List.copyOf(groups);
    }

    /** BGP message types (RFC 4271 §4.1, RFC 2918 §3) by the names the file uses. */
    static final Map<String, Integer> TYPES =
            Map.of("open", 1, "update", 2, "notification", 3, "keepalive", 4, "refresh", 5, "route-refresh", 5);

    /** How the fake peer behaves. */
    public record Options(
            @Nullable Long peerAs,
            boolean ipv6,
            int connections,
            boolean unknownCapability,
            boolean inspectOpen,
            boolean eorAfter,
            List<Message> afterOpen,
            List<String> peerCapabilities,
            boolean mirrorAddPath) {
        public Options {
            if (connections < 1) throw new IllegalArgumentException("connections must be at least 1: " + connections);
            afterOpen = List.copyOf(afterOpen);
            peerCapabilities = List.copyOf(peerCapabilities);
        }

        static Options defaults() {
            return new Options(null, false, 1, false, false, false, List.of(), List.of(), false);
        }
    }

    /** A whole BGP message: marker, length, type, body. */
    public record Message(int type, String bodyHex) {
        public Message {
            if (type < 0 || type > 255) throw new IllegalArgumentException("message type " + type);
            bodyHex = bodyHex.toUpperCase(Locale.ROOT);
            if (bodyHex.length() % 2 != 0) throw new IllegalArgumentException("odd number of hex digits: " + bodyHex);
            if (bodyHex.length() / 2 + 19 > 65535) throw new IllegalArgumentException("message too long");
        }

        /** From a full message (marker included): the header is checked, not trusted. */
        static Message ofWire(String hex) {
            String h = hex.toUpperCase(Locale.ROOT);
            if (h.length() < 38 || !h.startsWith("F".repeat(32)))
                throw new IllegalArgumentException("a whole message starts with 16 0xFF bytes: " + hex);
            int length = Integer.parseInt(h.substring(32, 36), 16);
            if (length * 2 != h.length())
                throw new IllegalArgumentException("header length " + length + " but " + h.length() / 2 + " bytes");
            return new Message(Integer.parseInt(h.substring(36, 38), 16), h.substring(38));
        }

        public String hex() {
            return "F".repeat(32) + String.format("%04X%02X", 19 + bodyHex.length() / 2, type) + bodyHex;
        }

        public byte[] toArray() {
            return HexFormat.of().parseHex(hex());
        }

        public String typeName() {
            return TYPES.entrySet().stream()
                    .filter(e -> e.getValue() == type && !e.getKey().equals("route-refresh"))
                    .map(e -> e.getKey().toUpperCase(Locale.ROOT))
                    .findFirst()
                    .orElse("TYPE-" + type);
        }

        @Override
        public String toString() {
            return typeName() + " " + hex();
        }
    }

    /** One entry of a group, with the line it came from (for reports). */
    public sealed interface Item {
        int line();

        /** A message the daemon must send. {@code note} is the comment on its first line, if any. */
        record Expect(int line, Message message, String note) implements Item {}

        /** Action: the peer sends this message. */
        record Send(int line, Message message) implements Item {}

        /** Action: the runner signals the daemon (USR1, USR2, HUP, TERM…). */
        record Signal(int line, String name) implements Item {}

        /** Action: the peer closes the session (the daemon may connect again, see {@code option connections}). */
        record Close(int line) implements Item {}
    }

    public record Group(int number, List<Item> items) {
        public Group {
            items = List.copyOf(items);
        }
    }

    /** Parses the file's text; errors name the line. */
    public static Expectations parse(String text) {
        Long peerAs = null;
        boolean ipv6 = false;
        int connections = 1;
        boolean unknownCapability = false;
        boolean inspectOpen = false;
        boolean eorAfter = false;
        boolean mirrorAddPath = false;
        List<String> peerCapabilities = new ArrayList<>();
        List<Message> afterOpen = new ArrayList<>();
        TreeMap<Integer, List<Item>> groups = new TreeMap<>();
        Integer group = null;
        // an expect/send whose hex may go on over the following indented lines
        Pending pending = null;

        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String raw = lines[i];
            int hash = raw.indexOf('#');
            String comment = hash >= 0 ? raw.substring(hash + 1).strip() : "";
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) continue;
            boolean indented = Character.isWhitespace(raw.charAt(0));
            if (indented && pending != null && isHex(line)) {
                pending.hex.append(clean(line));
                continue;
            }
            if (pending != null) {
                pending.finish(groups, afterOpen);
                pending = null;
            }
            String[] words = line.split("\\s+");
            try {
                switch (words[0]) {
                    case "option" -> {
                        need(words, 2, n);
                        switch (words[1]) {
                            case "peer-as" -> {
                                need(words, 3, n);
                                peerAs = Long.parseLong(words[2]);
                                if (peerAs < 1 || peerAs > 0xFFFF_FFFFL) throw error(n, "ASN out of range");
                            }
                            case "ipv6" -> ipv6 = true;
                            case "connections" -> {
                                need(words, 3, n);
                                connections = Integer.parseInt(words[2]);
                            }
                            case "unknown-capability" -> unknownCapability = true;
                            case "inspect-open" -> inspectOpen = true;
                            case "eor-after" -> eorAfter = true;
                            case "mirror-add-path" -> mirrorAddPath = true;
                            case "peer-capability" -> {
                                // code, length and value of one capability the peer adds to its OPEN (RFC 5492 §4):
                                // the daemon leaves empty ones such as route refresh (2) or extended message (6) out
                                need(words, 3, n);
                                StringBuilder cap = new StringBuilder();
                                for (int w = 2; w < words.length; w++) {
                                    if (!isHex(words[w])) throw error(n, "not hex: " + words[w]);
                                    cap.append(clean(words[w]));
                                }
                                if (cap.length() < 4 || cap.length() % 2 != 0
                                        || Integer.parseInt(cap.substring(2, 4), 16) != cap.length() / 2 - 2)
                                    throw error(n, "a capability is code(1) length(1) value(length): " + cap);
                                peerCapabilities.add(cap.toString().toUpperCase(Locale.ROOT));
                            }
                            default -> throw error(n, "unknown option " + words[1]);
                        }
                    }
                    case "group" -> {
                        need(words, 2, n);
                        group = Integer.parseInt(words[1]);
                        if (groups.containsKey(group)) throw error(n, "group " + group + " appears twice");
                        groups.put(group, new ArrayList<>());
                    }
                    case "expect", "send", "after-open" -> {
                        need(words, 2, n);
                        if (!words[0].equals("after-open") && group == null) throw error(n, "no group yet");
                        pending = new Pending(words[0], n, type(words[1], n), group, comment);
                        for (int w = 2; w < words.length; w++) {
                            if (!isHex(words[w])) throw error(n, "not hex: " + words[w]);
                            pending.hex.append(clean(words[w]));
                        }
                    }
                    case "signal" -> {
                        need(words, 2, n);
                        if (group == null) throw error(n, "no group yet");
                        groups.get(group).add(new Item.Signal(n, words[1].toUpperCase(Locale.ROOT)));
                    }
                    case "close" -> {
                        if (group == null) throw error(n, "no group yet");
                        groups.get(group).add(new Item.Close(n));
                    }
                    default -> throw error(n, "unknown statement " + words[0]);
                }
            } catch (NumberFormatException e) {
                throw error(n, "not a number: " + e.getMessage());
            }
        }
        if (pending != null) pending.finish(groups, afterOpen);
        List<Group> out = new ArrayList<>();
        groups.forEach((number, items) -> {
            if (!items.isEmpty()) out.add(new Group(number, items));
        });
        return new Expectations(
                new Options(peerAs, ipv6, connections, unknownCapability, inspectOpen, eorAfter, afterOpen,
                        peerCapabilities, mirrorAddPath), out);
    }

    /** {@code raw} takes a whole message, marker included; the other types take the body only. */
    private static int type(String word, int line) {
        if (word.equals("raw")) return -1;
        Integer t = TYPES.get(word);
        if (t != null) return t;
        if (word.startsWith("type-")) return Integer.parseInt(word.substring(5));
        throw error(line, "unknown message type " + word + " (open, update, notification, keepalive, refresh, raw)");
    }

    private static final class Pending {
        final String verb;
        final int line;
        final int type;
        final @Nullable Integer group;
        final String note;
        final StringBuilder hex = new StringBuilder();

        Pending(String verb, int line, int type, @Nullable Integer group, String note) {
            this.verb = verb;
            this.line = line;
            this.type = type;
            this.group = group;
            this.note = note;
        }

        void finish(TreeMap<Integer, List<Item>> groups, List<Message> afterOpen) {
            Message m;
            try {
                m = type < 0 ? Message.ofWire(hex.toString()) : new Message(type, hex.toString());
            } catch (IllegalArgumentException e) {
                throw error(line, e.getMessage());
            }
            switch (verb) {
                case "expect" -> groups.get(group).add(new Item.Expect(line, m, note));
                case "send" -> groups.get(group).add(new Item.Send(line, m));
                default -> afterOpen.add(m);
            }
        }
    }

    private static boolean isHex(String s) {
        return s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == ' ' || c == '\t');
    }

    private static String clean(String s) {
        return s.replaceAll("[\\s:]", "");
    }

    private static void need(String[] words, int count, int line) {
        if (words.length < count) throw error(line, "missing argument");
    }

    private static IllegalArgumentException error(int line, String message) {
        return new IllegalArgumentException("line " + line + ": " + message);
    }
}
