package org.jexabgp.daemon;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state machine and output of {@code exabgp healthcheck} (runtime.md §10), without I/O or clock: given each check
 * result it moves INIT → RISING/FALLING → UP/DOWN (DISABLED while the disable file exists) and says which API lines
 * to print. Unlike ExaBGP's, {@code --neighbor} gives a proper selector list and the state's own AS path is printed.
 */
final class HealthState {
    enum State {
        INIT,
        RISING,
        FALLING,
        UP,
        DOWN,
        DISABLED,
        EXIT,
        END
    }

    /** What the command line configures. */
    record Options(
            List<String> ips,
            String nextHop,
            int rise,
            int fall,
            long upMetric,
            long downMetric,
            long disabledMetric,
            long increase,
            long localPreference,
            List<String> community,
            List<String> extendedCommunity,
            List<String> largeCommunity,
            List<String> disabledCommunity,
            List<String> asPath,
            List<String> upAsPath,
            List<String> downAsPath,
            List<String> disabledAsPath,
            boolean withdrawOnDown,
            @Nullable String pathId,
            List<String> neighbors,
            boolean debounce) {
        Options {
            if (rise < 1 || fall < 1) throw new IllegalArgumentException("rise and fall must be at least 1");
        }
    }

    private final Options options;
    private State state = State.INIT;
    private int count;

    HealthState(Options options) {
        this.options = options;
    }

    State state() {
        return state;
    }

    /**
     * One check: {@code disabled} when the disable file exists, else {@code healthy}. Returns the lines to print now
     * (empty while rising or falling, and with --debounce when nothing changed).
     */
    List<String> check(boolean disabled, boolean healthy) {
        State before = state;
        if (disabled) {
            state = State.DISABLED;
            count = 0;
        } else if (healthy) {
            if (state == State.UP) {
                count = 0;
            } else {
                count = state == State.RISING ? count + 1 : 1;
                state = count >= options.rise() ? State.UP : State.RISING;
            }
        } else {
            if (state == State.DOWN) {
                count = 0;
            } else {
                count = state == State.FALLING ? count + 1 : 1;
                state = count >= options.fall() ? State.DOWN : State.FALLING;
            }
        }
        if (state == State.RISING || state == State.FALLING) return List.of();
        if (options.debounce() && state == before) return List.of();
        return lines(state);
    }

    /** Once and done ({@code --interval 0}): UP or DOWN at once, then END. */
    List<String> once(boolean disabled, boolean healthy) {
        state = disabled ? State.DISABLED : healthy ? State.UP : State.DOWN;
        List<String> out = lines(state);
        state = State.END;
        return out;
    }

    /** On SIGTERM / ^C: everything is withdrawn. */
    List<String> exit() {
        state = State.EXIT;
        return lines(State.EXIT);
    }

    boolean settling() {
        return state == State.RISING || state == State.FALLING || state == State.INIT;
    }

    private List<String> lines(State s) {
        List<String> out = new ArrayList<>();
        boolean withdraw = s == State.EXIT || options.withdrawOnDown() && (s == State.DOWN || s == State.DISABLED);
        long metric = switch (s) {
            case DOWN -> options.downMetric();
            case DISABLED -> options.disabledMetric();
            default -> options.upMetric();
        };
        for (String ip : options.ips()) {
            String prefix = ip.contains("/") ? ip : ip + (ip.contains(":") ? "/128" : "/32");
            StringBuilder sb = new StringBuilder(selector());
            sb.append(withdraw ? "withdraw" : "announce").append(" route ").append(prefix);
            sb.append(" next-hop ").append(options.nextHop());
            if (!withdraw) {
                sb.append(" med ").append(metric);
                if (options.localPreference() >= 0) sb.append(" local-preference ").append(options.localPreference());
                // as ExaBGP: --disabled-community replaces --community while DOWN or DISABLED
                boolean notUp = s == State.DOWN || s == State.DISABLED;
                list(sb, "community", notUp && !options.disabledCommunity().isEmpty()
                        ? options.disabledCommunity() : options.community());
                list(sb, "extended-community", options.extendedCommunity());
                list(sb, "large-community", options.largeCommunity());
                List<String> path = switch (s) {
                    case UP -> options.upAsPath();
                    case DOWN -> options.downAsPath();
                    case DISABLED -> options.disabledAsPath();
                    default -> List.of();
                };
                list(sb, "as-path", path.isEmpty() ? options.asPath() : path);
            }
            if (options.pathId() != null) sb.append(" path-information ").append(options.pathId());
            out.add(sb.toString());
            metric += options.increase();
        }
        return out;
    }

    /** {@code neighbor *} by default; each --neighbor once, comma separated (ExaBGP doubled the prefix, #1366). */
    private String selector() {
        if (options.neighbors().isEmpty()) return "neighbor * ";
        List<String> parts = new ArrayList<>();
        for (String n : options.neighbors()) parts.add("neighbor " + n);
        return String.join(" , ", parts) + " ";
    }

    private static void list(StringBuilder sb, String keyword, List<String> values) {
        if (values.isEmpty()) return;
        sb.append(' ').append(keyword).append(" [ ").append(String.join(" ", values)).append(" ]");
    }
}
