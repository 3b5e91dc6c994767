package org.jexabgp.daemon.engine;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Lines for a CLI client, from the loop thread to a writer thread: bounded in bytes like a program's queue
 * ({@link ProcessRunner#QUEUE_BYTES}), a line past the bound dropped; {@link #end} makes the writer stop after what is
 * queued.
 */
final class OutputQueue {
    private static final byte[] END = new byte[0];

    private final LinkedBlockingQueue<byte[]> lines = new LinkedBlockingQueue<>();
    private final AtomicLong bytes = new AtomicLong();

    /** Queues the line unless the bound is reached (then it is dropped); never blocks. */
    void offer(byte[] line) {
        if (bytes.addAndGet(line.length) > ProcessRunner.QUEUE_BYTES) {
            bytes.addAndGet(-line.length);
            return;
        }
        lines.add(line);
    }

    /** The next line, waiting for one; null once {@link #end} was reached. */
    byte @Nullable [] take() throws InterruptedException {
        byte[] line = lines.take();
        if (line == END) return null;
        bytes.addAndGet(-line.length);
        return line;
    }

    void end() {
        lines.add(END);
    }
}
