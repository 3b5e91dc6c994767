package org.jexabgp.core.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.jspecify.annotations.Nullable;

/**
 * The fast path for the route forms programs and large configurations repeat: {@code route P <attributes>} and
 * {@code attribute[s] <attributes> nlri P P …} with plain unicast or multicast prefixes (ARCHITECTURE §8). The
 * attribute text is parsed once, by {@link RouteSyntax} itself on a stand-in prefix of the same family, and kept by
 * its text as a template: the next route with the same attribute text only parses its prefix and shares the
 * template's interned {@link org.jexabgp.core.model.AttributeSet}. Whatever the template cannot answer exactly (a parse
 * error, {@code split}, labels, route distinguishers, other families, quoting, {@code ;}) goes through the general
 * parser, so the values (and errors) are always those of {@link RouteSyntax#parseApiRoute(String, boolean)}.
 *
 * <p>Not thread-safe: one instance per reader (the reactor's loop, or one configuration parse).
 */
public final class RouteTemplates {
    /** Distinct attribute texts kept; past it the cache starts over (a program that never repeats itself). */
    private static final int CAPACITY = 4096;

    /** A stand-in prefix per family the prefix picks (config.md §10.1): the shortest valid one, so split is exact. */
    private static final String[] STAND_IN = {"0.0.0.0/0", "224.0.0.0/3", "::/0"};

    /** Parsed attribute text: the route of the stand-in prefix, or null when the fast path cannot be used. */
    private record Template(@Nullable Route route) {}

    private static final Template GENERAL = new Template(null);

    private record Key(String attributes, boolean withdraw, boolean nlriForm, int family) {
        // Written out: a record's generated equals and hashCode are linked at run time through method handles,
        // milliseconds of every start for each record (issue 9).
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && withdraw == k.withdraw && nlriForm == k.nlriForm && family == k.family
                    && java.util.Objects.equals(attributes, k.attributes);
        }

        @Override
        public int hashCode() {
            return ((java.util.Objects.hashCode(attributes) * 31 + Boolean.hashCode(withdraw)) * 31 + Boolean.hashCode(nlriForm)) * 31
                    + family;
        }
    }

    private final Map<Key, Template> templates = new HashMap<>();

    /**
     * The last attribute text that had a template, and that template: programs repeat one attribute text line after
     * line, which is then matched in place, without cutting it out of the line or hashing it.
     */
    private @Nullable String lastAttributes;
    private @Nullable Key lastKey;
    private @Nullable Route lastTemplate;

    /** The prefixes {@link #v4} found, {@code address << 8 | length}; valid until the next call. */
    private long[] v4 = new long[16];

    private int v4Count;

    /**
     * The routes of a command when they are IPv4 unicast or multicast routes of one family and one shape with path id
     * 0 (the forms {@link #parseApiRoute} answers itself): their shape, a route whose prefix is a stand-in, with the
     * prefixes in {@link #v4Prefixes()}. Null for anything else, which {@link #parseApiRoute} then parses. The
     * Adj-RIB-Out takes such routes without a route object per prefix (issue 9).
     */
    public @Nullable Route v4(String text, boolean withdraw) {
        v4Count = 0;
        if (text.startsWith("route ")) return v4Route(text, withdraw);
        if (text.startsWith("attributes ")) return v4Nlri(text, "attributes ".length(), withdraw);
        if (text.startsWith("attribute ")) return v4Nlri(text, "attribute ".length(), withdraw);
        return null;
    }

    public long[] v4Prefixes() {
        return v4;
    }

    public int v4Count() {
        return v4Count;
    }

    private @Nullable Route v4Route(String text, boolean withdraw) {
        int start = "route ".length();
        int end = text.indexOf(' ', start);
        if (end < 0) return null;
        long prefix = ipv4Value(text, start, end);
        if (prefix < 0) return null;
        int family = v4Family(prefix);
        Route template = repeated(text, end + 1, text.length(), withdraw, false, family);
        if (template == null) {
            String attributes = text.substring(end + 1);
            if (!plain(attributes)) return null;
            template = template(attributes, withdraw, false, family);
        }
        if (template == null || ((InetNlri) template.nlri()).pathId() != 0) return null;
        v4[0] = prefix;
        v4Count = 1;
        return template;
    }

    private @Nullable Route v4Nlri(String text, int start, boolean withdraw) {
        int at = text.indexOf(" nlri ", start - 1);
        if (at < 0) return null;
        int i = at + " nlri ".length();
        int n = text.length();
        int family = -1;
        int count = 0;
        while (i < n) {
            int end = text.indexOf(' ', i);
            if (end < 0) end = n;
            long prefix = ipv4Value(text, i, end);
            if (prefix < 0) return null;
            int f = v4Family(prefix);
            if (family >= 0 && f != family) return null; // two families: the general way
            family = f;
            if (count == v4.length) v4 = java.util.Arrays.copyOf(v4, count * 2);
            v4[count++] = prefix;
            i = end + 1;
        }
        if (count == 0) return null;
        Route template = at >= start ? repeated(text, start, at, withdraw, true, family) : null;
        if (template == null) {
            String attributes = at < start ? "" : text.substring(start, at);
            if (!plain(attributes)) return null;
            template = template(attributes, withdraw, true, family);
        }
        if (template == null || ((InetNlri) template.nlri()).pathId() != 0) return null;
        v4Count = count;
        return template;
    }

    /** config.md §10.1: an IPv4 prefix in 224/4 is multicast. */
    private static int v4Family(long prefix) {
        long first = prefix >>> 32;
        return first >= 224 && first <= 239 ? 1 : 0;
    }

    /** Exactly {@link RouteSyntax#parseApiRoute(String, boolean)}, faster for the common forms. */
    public List<Route> parseApiRoute(String text, boolean withdraw) throws ConfigError {
        List<Route> fast = null;
        if (text.startsWith("route ")) fast = route(text, withdraw);
        else if (text.startsWith("attributes ")) fast = nlri(text, "attributes ".length(), withdraw);
        else if (text.startsWith("attribute ")) fast = nlri(text, "attribute ".length(), withdraw);
        return fast != null ? fast : RouteSyntax.parseApiRoute(text, withdraw);
    }

    /**
     * A configuration statement {@code route P <attributes>;} of a {@code static} section, already cut into words: its
     * routes as {@code RouteSyntax} would make them, or null for the general parser (which also gives the errors).
     */
    @Nullable List<Route> routeWords(List<Token> words) {
        if (words.size() < 3 || !words.getFirst().text().equals("route")) return null;
        Token p = words.get(1);
        if (p.quoted()) return null;
        Prefix prefix = prefix(p.text(), 0, p.text().length());
        if (prefix == null) return null;
        StringBuilder sb = new StringBuilder();
        for (int i = 2; i < words.size(); i++) {
            Token t = words.get(i);
            if (t.quoted()) return null;
            if (i > 2) sb.append(' ');
            sb.append(t.text());
        }
        String attributes = sb.toString();
        if (!plain(attributes)) return null;
        Route template = template(attributes, false, false, prefix);
        return template == null ? null : List.of(instance(template, prefix));
    }

    /**
     * A line of a {@code static} section read straight from the file, {@code route P <attributes>;} with a plain IPv4
     * prefix (issue 9: a million such lines were each cut into tokens, a statement and a route): its route goes into
     * {@code into} as the words of the line would have put it, with the prefix's line and column. False, and nothing
     * added, for any other line: the tokenizer then cuts it as usual and the general parser gives its routes or error.
     */
    boolean staticLine(CharSequence line, int end, String file, int lineNumber, RouteItems into) {
        int i = 0;
        while (i < end && isBlank(line.charAt(i))) i++;
        int e = end;
        while (e > i && isBlank(line.charAt(e - 1))) e--;
        // one statement: `route`, the prefix, the attributes, then the line's only ';'
        if (e - i < 8 || line.charAt(e - 1) != ';' || !startsWith(line, i, "route ")) return false;
        int p = i + "route ".length();
        int pe = p;
        while (pe < e && line.charAt(pe) != ' ') pe++;
        int start = pe + 1;
        int stop = e - 1;
        if (start >= stop || line.charAt(stop - 1) == ' ') return false;
        long prefix = ipv4Value(line, p, pe);
        if (prefix < 0) return false;
        int family = v4Family(prefix);
        Route template = lastTemplate;
        Key key = lastKey;
        String last = lastAttributes;
        if (template == null || key == null || last == null || key.withdraw() || key.nlriForm()
                || key.family() != family || !same(line, start, stop, last)) {
            for (int c = start; c < stop; c++) {
                switch (line.charAt(c)) {
                    case '"', '\'', '\\', ';', '{', '}', '#', '\t', '[', ']', ',' -> {
                        return false;
                    }
                    case ' ' -> {
                        if (line.charAt(c - 1) == ' ') return false;
                    }
                    default -> {
                        // printable ASCII only: other characters may be blanks to a strip() of the general path
                        char ch = line.charAt(c);
                        if (ch < '!' || ch > '~') return false;
                    }
                }
            }
            String attributes = line.subSequence(start, stop).toString();
            if (attributes.contains("split")) return false;
            template = template(attributes, false, false, family);
            if (template == null) return false;
        }
        return into.addV4(template, prefix, file, lineNumber, p + 1);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean startsWith(CharSequence s, int at, String prefix) {
        if (s.length() - at < prefix.length()) return false;
        for (int k = 0; k < prefix.length(); k++) if (s.charAt(at + k) != prefix.charAt(k)) return false;
        return true;
    }

    private static boolean same(CharSequence s, int start, int end, String text) {
        return end - start == text.length() && startsWith(s, start, text);
    }

    /** {@code route P <attributes>}, or null for the general parser. */
    private @Nullable List<Route> route(String text, boolean withdraw) {
        int start = "route ".length();
        int end = text.indexOf(' ', start);
        if (end < 0) return null;
        Prefix prefix = prefix(text, start, end);
        if (prefix == null) return null;
        Route template = repeated(text, end + 1, text.length(), withdraw, false, familyIndex(prefix));
        if (template == null) {
            String attributes = text.substring(end + 1);
            if (!plain(attributes)) return null;
            template = template(attributes, withdraw, false, prefix);
        }
        return template == null ? null : List.of(instance(template, prefix));
    }

    /** {@code attribute[s] <attributes> nlri P P …}, or null for the general parser. */
    private @Nullable List<Route> nlri(String text, int start, boolean withdraw) {
        int at = text.indexOf(" nlri ", start - 1);
        if (at < 0) return null;
        String attributes = at < start ? "" : text.substring(start, at);
        if (!plain(attributes)) return null;
        List<Route> out = new ArrayList<>();
        int i = at + " nlri ".length();
        int n = text.length();
        int family = -1;
        Route template = null;
        while (i < n) {
            int end = text.indexOf(' ', i);
            if (end < 0) end = n;
            if (end == i) return null; // two spaces: leave the odd text to the general parser
            Prefix prefix = prefix(text, i, end);
            if (prefix == null) return null;
            // the prefixes of one line mostly share a family, and so their template
            if (template == null || familyIndex(prefix) != family) {
                template = template(attributes, withdraw, true, prefix);
                family = familyIndex(prefix);
            }
            if (template == null) return null;
            out.add(instance(template, prefix));
            i = end + 1;
        }
        return out.isEmpty() ? null : out;
    }

    private @Nullable Route template(String attributes, boolean withdraw, boolean nlriForm, Prefix prefix) {
        return template(attributes, withdraw, nlriForm, familyIndex(prefix));
    }

    private @Nullable Route template(String attributes, boolean withdraw, boolean nlriForm, int family) {
        Key key = new Key(attributes, withdraw, nlriForm, family);
        Template t = templates.get(key);
        if (t == null) {
            if (templates.size() >= CAPACITY) templates.clear();
            t = parse(key);
            templates.put(key, t);
        }
        if (t.route() != null) {
            lastAttributes = attributes;
            lastKey = key;
            lastTemplate = t.route();
        }
        return t.route();
    }

    /** The template of the last attribute text when text[start, end) is that text again (same form), else null. */
    private @Nullable Route repeated(String text, int start, int end, boolean withdraw, boolean nlriForm, int family) {
        String last = lastAttributes;
        Key key = lastKey;
        if (last == null || key == null || end - start != last.length()) return null;
        if (key.withdraw() != withdraw || key.nlriForm() != nlriForm || key.family() != family) return null;
        return text.regionMatches(start, last, 0, last.length()) ? lastTemplate : null;
    }

    private static Template parse(Key key) {
        String standIn = STAND_IN[key.family()];
        String text = key.nlriForm()
                ? "attributes " + key.attributes() + " nlri " + standIn
                : "route " + standIn + " " + key.attributes();
        try {
            List<Route> routes = RouteSyntax.parseApiRoute(text, key.withdraw());
            if (routes.size() != 1) return GENERAL;
            Route r = routes.getFirst();
            // labels or a route distinguisher make another family and NLRI type: the general parser builds those
            if (!(r.nlri() instanceof InetNlri nlri) || !nlri.family().equals(familyOf(key.family()))) return GENERAL;
            return new Template(r);
        } catch (ConfigError e) {
            return GENERAL; // the general parser says what is wrong, with the real prefix and columns
        }
    }

    private static Route instance(Route template, Prefix prefix) {
        InetNlri nlri = (InetNlri) template.nlri();
        return new Route(
                new InetNlri(nlri.family(), prefix, nlri.pathId()),
                template.nextHop(),
                template.nextHopSelf(),
                template.attributes(),
                template.watchdog(),
                template.withdrawn(),
                template.name());
    }

    /**
     * No character that the tokenizer or {@code parseApiRoute} treats specially at the edges: quotes, escapes,
     * statement ends, comments. {@code split} changes the number of routes per prefix, so it goes the general way.
     */
    private static boolean plain(String attributes) {
        for (int i = 0; i < attributes.length(); i++) {
            switch (attributes.charAt(i)) {
                case '"', '\'', '\\', ';', '{', '}', '#', '\t', '\r', '\n' -> {
                    return false;
                }
                default -> {}
            }
        }
        return !attributes.contains("split") && attributes.equals(attributes.strip());
    }

    /** The prefix in text[start, end), parsed as {@link Values#prefix} does; null when not a plain prefix word. */
    private static @Nullable Prefix prefix(String text, int start, int end) {
        if (end <= start) return null;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.'
                    || c == ':' || c == '/';
            if (!ok) return null;
        }
        Prefix v4 = ipv4(text, start, end);
        if (v4 != null) return v4;
        String word = text.substring(start, end);
        try {
            return Values.prefix(new Token(word, RouteSyntax.API_SOURCE, 1, start + 1, false));
        } catch (ConfigError e) {
            return null;
        }
    }

    /** {@code a.b.c.d/len} in its canonical form (no leading zeros), host bits clear; null for anything else. */
    private static @Nullable Prefix ipv4(String s, int start, int n) {
        long v = ipv4Value(s, start, n);
        return v < 0 ? null : new Prefix(IpAddress.v4(v >>> 8), (int) (v & 0xFF));
    }

    /** As {@link #ipv4}, the prefix as {@code address << 8 | length}, or -1. */
    private static long ipv4Value(CharSequence s, int start, int n) {
        // each character read once: this runs for every route of a large configuration or feed
        long address = 0;
        int i = start;
        for (int part = 0; part < 4; part++) {
            int v = 0;
            int digits = 0;
            char c = 0;
            while (i < n) {
                c = s.charAt(i++);
                if (c < '0' || c > '9') break;
                if (digits == 1 && v == 0) return -1; // a leading zero
                v = v * 10 + (c - '0');
                if (++digits > 3) return -1;
                c = 0;
            }
            if (digits == 0 || v > 255) return -1;
            address = address << 8 | v;
            if (c != (part < 3 ? '.' : '/')) return -1;
        }
        int length = 0;
        int digits = 0;
        while (i < n) {
            char c = s.charAt(i++);
            if (c < '0' || c > '9') return -1;
            if (digits == 1 && length == 0) return -1;
            length = length * 10 + (c - '0');
            if (++digits > 2) return -1;
        }
        if (digits == 0 || length > 32) return -1;
        long hostMask = length == 32 ? 0 : (0xFFFF_FFFFL >>> length);
        if ((address & hostMask) != 0) return -1;
        return address << 8 | length;
    }

    /** config.md §10.1: the prefix picks the family (IPv4 224/4 is multicast). */
    private static int familyIndex(Prefix p) {
        Family f = RouteSyntax.family(p);
        return f.equals(Family.IPV4_UNICAST) ? 0 : f.equals(Family.IPV4_MULTICAST) ? 1 : 2;
    }

    private static Family familyOf(int index) {
        return switch (index) {
            case 0 -> Family.IPV4_UNICAST;
            case 1 -> Family.IPV4_MULTICAST;
            default -> Family.IPV6_UNICAST;
        };
    }
}
