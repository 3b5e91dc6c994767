package org.jexabgp.core.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@code api [name] { }} block of a neighbour (config.md §9): which processes hear from and may command the
 * neighbour, and which events and messages are copied to them.
 *
 * @param name the block's name (generated when none was written), unique in the configuration
 * @param processes process names ({@code processes [ ... ]})
 * @param processesMatch regular expressions matched at the start of process names ({@code processes-match})
 * @param send messages we send that are reported
 * @param receive messages we receive that are reported
 */
public record ApiBinding(
        String name,
        List<String> processes,
        List<String> processesMatch,
        boolean neighborChanges,
        boolean negotiated,
        boolean fsm,
        boolean signal,
        Set<ApiMessage> send,
        Set<ApiMessage> receive) {

    /** The keywords of the {@code send { }} and {@code receive { }} blocks. */
    public enum ApiMessage {
        PARSED("parsed"),
        PACKETS("packets"),
        CONSOLIDATE("consolidate"),
        OPEN("open"),
        UPDATE("update"),
        NOTIFICATION("notification"),
        KEEPALIVE("keepalive"),
        REFRESH("refresh"),
        OPERATIONAL("operational");

        private final String keyword;

        ApiMessage(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public ApiBinding {
        processes = List.copyOf(processes);
        processesMatch = List.copyOf(processesMatch);
        send = send.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(send));
        receive = receive.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(receive));
    }

    /**
     * All blocks of a neighbour as one, as ExaBGP applies them (config.md §9: several api blocks per neighbour are
     * merged): process lists concatenated without repeats, flags OR-ed.
     */
    public static ApiBinding merged(List<ApiBinding> blocks) {
        Set<String> processes = new LinkedHashSet<>();
        Set<String> matches = new LinkedHashSet<>();
        boolean changes = false, negotiated = false, fsm = false, signal = false;
        Set<ApiMessage> send = EnumSet.noneOf(ApiMessage.class);
        Set<ApiMessage> receive = EnumSet.noneOf(ApiMessage.class);
        List<String> names = new ArrayList<>();
        for (ApiBinding b : blocks) {
            names.add(b.name);
            processes.addAll(b.processes);
            matches.addAll(b.processesMatch);
            changes |= b.neighborChanges;
            negotiated |= b.negotiated;
            fsm |= b.fsm;
            signal |= b.signal;
            send.addAll(b.send);
            receive.addAll(b.receive);
        }
        return new ApiBinding(
                String.join(",", names),
                List.copyOf(processes),
                List.copyOf(matches),
                changes,
                negotiated,
                fsm,
                signal,
                send,
                receive);
    }
}
