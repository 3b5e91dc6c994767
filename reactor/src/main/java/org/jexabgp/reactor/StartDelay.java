package org.jexabgp.reactor;

/**
 * {@code tcp.delay} (runtime.md §5.1 step 10): ExaBGP sleeps until the wall clock reaches the next multiple of N
 * minutes before its main loop, so that several speakers started apart connect at the same moment. Already on such a
 * minute, it waits a whole period, as ExaBGP's {@code N*60 - now % (N*60)} does.
 */
public final class StartDelay {
    private StartDelay() {}

    /** How long to wait, in nanoseconds, from {@code epochMillis} (wall clock); 0 unless {@code minutes} is above 0. */
    public static long nanos(long epochMillis, int minutes) {
        if (minutes <= 0) return 0;
        long period = minutes * 60_000L;
        return (period - Math.floorMod(epochMillis, period)) * 1_000_000L;
    }
}
