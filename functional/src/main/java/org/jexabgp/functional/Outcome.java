package org.jexabgp.functional;

import java.nio.file.Path;

/** How one scenario ended in one engine; {@code detail} is the report (empty on a pass). */
public record Outcome(String name, Engine engine, Status status, double seconds, String detail, Path logs) {
    public enum Status {
        PASS,
        FAIL,
        TIMEOUT
    }

    public boolean passed() {
        return status == Status.PASS;
    }

    /** One line (plus the report, indented, on failure). */
    public String line() {
        String head = String.format("%-7s %-40s %-15s %5.1fs", status, name, engine.label(), seconds);
        if (passed()) return head;
        return head + "\n" + detail.indent(8) + "        logs: " + logs;
    }
}
