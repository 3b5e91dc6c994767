package org.jexabgp.daemon;

import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** How {@code exabgp cli} reaches the daemon (runtime.md §3.2): its Unix socket or its named pipes. */
sealed interface CliTransport permits CliSocket, CliPipe {
    /** runtime.md §3.2: 5 s without data ends the wait with a warning. */
    long IDLE_MILLIS = 5000;

    /** What ended an exchange. */
    enum Answer {
        DONE,
        ERROR,
        SHUTDOWN,
        IDLE,
        UNREACHABLE
    }

    /**
     * Sends one command and hands every output line to {@code output} until the answer word, which is returned (not
     * handed on). {@code reset} is never answered, so it returns DONE once sent. UNREACHABLE: no daemon there, said on
     * {@code problems}.
     */
    Answer exchange(String command, Consumer<String> output, Consumer<String> problems);

    /** done / error / shutdown, in text or JSON form (api.md §3.1); null for an output line. */
    static @Nullable Answer answer(String line) {
        String l = line.strip();
        switch (l) {
            case "done" -> {
                return Answer.DONE;
            }
            case "error" -> {
                return Answer.ERROR;
            }
            case "shutdown" -> {
                return Answer.SHUTDOWN;
            }
            default -> {}
        }
        if (l.startsWith("{") && l.contains("\"answer\"")) {
            if (l.matches(".*\"answer\"\\s*:\\s*\"done\".*")) return Answer.DONE;
            if (l.matches(".*\"answer\"\\s*:\\s*\"error\".*")) return Answer.ERROR;
            if (l.matches(".*\"answer\"\\s*:\\s*\"shutdown\".*")) return Answer.SHUTDOWN;
        }
        return null;
    }
}
