package org.jexabgp.daemon.engine;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The queue from other threads (process readers, signal handlers, virtual-thread sockets) to the loop thread. Adding
 * wakes the loop through the engine's waker; only the loop drains it, so protocol state keeps one owner.
 */
final class Inbox {
    private final ConcurrentLinkedQueue<Input> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private volatile Runnable waker = () -> {};

    void waker(Runnable waker) {
        this.waker = waker;
    }

    void add(Input input) {
        queue.add(input);
        lock.lock();
        try {
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        waker.run();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** How many inputs wait (walks the queue: for the metrics endpoint, not the loop). */
    int size() {
        return queue.size();
    }

    /** Hands every queued input to the consumer, in arrival order. */
    void drain(Consumer<Input> consumer) {
        Input input;
        while ((input = queue.poll()) != null) consumer.accept(input);
    }

    /** Waits until an input arrives or the timeout passes (for engines without a selector). */
    void await(long timeoutNanos) throws InterruptedException {
        if (timeoutNanos <= 0 || !queue.isEmpty()) return;
        lock.lock();
        try {
            if (queue.isEmpty()) arrived.await(timeoutNanos, TimeUnit.NANOSECONDS);
        } finally {
            lock.unlock();
        }
    }
}
