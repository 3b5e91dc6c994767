package org.jexabgp.daemon.engine;

/**
 * The daemon end of {@code exabgp cli} (runtime.md §3.1), which the engine runs itself in place of ExaBGP's bridge
 * processes: a transport whose lines are commands of an internal process and which carries that process's output.
 */
sealed interface ControlChannel permits ControlSocket, ControlPipes {
    /** A line of output for the client, from the loop thread; never blocks (dropped when nobody listens). */
    void send(byte[] line);

    /** Stops serving; what was queued for a client is still written. */
    void close();
}
