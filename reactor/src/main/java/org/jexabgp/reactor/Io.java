package org.jexabgp.reactor;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the reactor asks of an engine. Every call is made on the loop thread, inside {@code Reactor.turn}, and never
 * blocks: engines only start work and report back through the reactor's input methods.
 */
public interface Io {
    /** Open an outgoing TCP connection; report with {@code Reactor.connected} or {@code Reactor.closed}. */
    void connect(ConnKey conn, Endpoint remote, @Nullable Endpoint local, ConnectionOptions options);

    /** The connection has bytes to send: the engine calls {@code Reactor.pull} when it can write. */
    void wantsToSend(ConnKey conn);

    /**
     * Write now what the sessions have to send, as far as the sockets take it without waiting. The reactor asks once
     * the peers had their step and before the programs' commands run, as ExaBGP's peers write in their own step:
     * a turn applying a program's routes no longer holds back the OPENs or the first UPDATEs of that step (issue 9).
     * Engines write after every turn too.
     */
    default void flush() {}

    /** Close the connection once what was pulled has been written. */
    void close(ConnKey conn);

    /** Start listening for incoming connections (env tcp.bind / neighbour listen). */
    void listen(Endpoint local);

    /** Start an API program; its output lines come back through {@code Reactor.commands}. */
    void startProcess(ProcessKey process, List<String> command, Map<String, String> extraEnvironment);

    /**
     * Send lines (each with its newline: one, or a turn's worth joined) to a program. Never blocks: a full queue drops
     * them (counted, logged).
     *
     * @param count how many lines there are (for the program's statistics: not counted again from the bytes)
     */
    void toProcess(ProcessKey process, byte[] lines, int count);

    /** Close the program's stdin and terminate it (SIGTERM, then SIGKILL after a grace period). */
    void stopProcess(ProcessKey process);

    /**
     * The reactor executed command lines of this program totalling {@code chars} characters (newlines included): the
     * engine may read more of its output. Engines bound what they read ahead with it (ARCHITECTURE §8).
     */
    default void commandsTaken(ProcessKey process, long chars) {}

    /**
     * A neighbour at this address (a range when {@code prefixLength} is shorter than the address) asks for TCP-MD5 or
     * TTL security: every listener must carry its key before accepting (RFC 2385), and connections accepted from it
     * get its TTL options, those of the most specific neighbour holding the remote address. An engine that cannot do
     * it must refuse to run the neighbour, never run it unprotected.
     */
    default void protect(org.jexabgp.wire.IpAddress peer, int prefixLength, ConnectionOptions options) {
        if (options.md5Password() != null || options.outgoingTtl() > 0 || options.incomingTtl() > 0)
            throw new UnsupportedOperationException("this engine cannot set TCP-MD5 or TTL security");
    }

    /**
     * No neighbour at this address (or range) asks for TCP-MD5 or TTL security any more (a reload removed it or its
     * options, a program deleted it): the listeners drop its key and accepted connections its options. Only called
     * for what {@link #protect} was given.
     *
     * @return false when it could not be done: the key and options stay, and the reactor asks again at its next change
     */
    default boolean unprotect(org.jexabgp.wire.IpAddress peer, int prefixLength) {
        return true;
    }

    /**
     * Per-connection socket options the engine must apply before connecting (TCP-MD5, TTL). The MD5 key is the decoded
     * key, one byte per char (ISO-8859-1).
     */
    record ConnectionOptions(@Nullable String md5Password, int outgoingTtl, int incomingTtl) {
        // Written out: a record's generated equals and hashCode are linked at run time through method handles,
        // milliseconds of every start for each record (issue 9).
        @Override
        public boolean equals(Object o) {
            return o instanceof ConnectionOptions c && outgoingTtl == c.outgoingTtl && incomingTtl == c.incomingTtl
                    && java.util.Objects.equals(md5Password, c.md5Password);
        }

        @Override
        public int hashCode() {
            return (java.util.Objects.hashCode(md5Password) * 31 + outgoingTtl) * 31 + incomingTtl;
        }

        public static final ConnectionOptions NONE = new ConnectionOptions(null, -1, -1);
    }
}
