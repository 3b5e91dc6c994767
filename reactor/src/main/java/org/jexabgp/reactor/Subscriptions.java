package org.jexabgp.reactor;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jexabgp.core.model.ApiBinding;
import org.jexabgp.core.model.ApiBinding.ApiMessage;
import org.jexabgp.core.model.ApiProcess;

/**
 * Which programs of a neighbour hear which events (json.md §2), resolved once from its api blocks: per program, the
 * union of the flags of every block that names it (by {@code processes} or a {@code processes-match} regex anchored at
 * the start, as Python's re.match).
 */
final class Subscriptions {
    /** What one program asked for on one neighbour. */
    static final class Flags {
        boolean neighborChanges, negotiated, fsm, signal;
        final Set<ApiMessage> send = EnumSet.noneOf(ApiMessage.class);
        final Set<ApiMessage> receive = EnumSet.noneOf(ApiMessage.class);
    }

    private final Map<String, Flags> byProcess = new LinkedHashMap<>();
    /** Format flags merged over the whole neighbour, per direction (json.md §2 "Important semantics"). */
    private final Set<ApiMessage> sendFormats = EnumSet.noneOf(ApiMessage.class);

    private final Set<ApiMessage> receiveFormats = EnumSet.noneOf(ApiMessage.class);

    Subscriptions(List<ApiBinding> bindings, List<ApiProcess> processes) {
        for (ApiBinding b : bindings) {
            for (ApiProcess p : processes) {
                if (!b.processes().contains(p.name()) && !matchesAny(b.processesMatch(), p.name())) continue;
                Flags f = byProcess.computeIfAbsent(p.name(), k -> new Flags());
                f.neighborChanges |= b.neighborChanges();
                f.negotiated |= b.negotiated();
                f.fsm |= b.fsm();
                f.signal |= b.signal();
                f.send.addAll(b.send());
                f.receive.addAll(b.receive());
            }
        }
        for (Flags f : byProcess.values()) {
            for (ApiMessage m : f.send) if (isFormat(m)) sendFormats.add(m);
            for (ApiMessage m : f.receive) if (isFormat(m)) receiveFormats.add(m);
        }
    }

    private static boolean matchesAny(List<String> regexes, String name) {
        for (String r : regexes) if (Pattern.compile(r).matcher(name).lookingAt()) return true;
        return false;
    }

    static boolean isFormat(ApiMessage m) {
        return m == ApiMessage.PARSED || m == ApiMessage.PACKETS || m == ApiMessage.CONSOLIDATE;
    }

    /** The programs attached to this neighbour: they may command it and hear from it. */
    Set<String> processes() {
        return byProcess.keySet();
    }

    Map<String, Flags> all() {
        return byProcess;
    }

    Set<ApiMessage> formats(boolean received) {
        return received ? receiveFormats : sendFormats;
    }

    /** Whether some program wants copies of this message kind in this direction (in some format). */
    boolean wantsCopies(ApiMessage kind, boolean received) {
        if (formats(received).isEmpty()) return false;
        for (Flags f : byProcess.values()) if ((received ? f.receive : f.send).contains(kind)) return true;
        return false;
    }

    /** Whether some program hears what the peer sends (any {@code receive} flag). */
    boolean hearsPeer() {
        for (Flags f : byProcess.values()) if (!f.receive.isEmpty()) return true;
        return false;
    }

    boolean wantsNegotiated() {
        for (Flags f : byProcess.values()) if (f.negotiated) return true;
        return false;
    }
}
