package org.jexabgp.reactor;

import java.util.function.DoubleSupplier;

/**
 * The volatile parts of the JSON envelope (json.md §3), given by the caller so tests can pin them.
 *
 * @param epochSeconds the wall clock, as a float of seconds
 */
public record EventContext(String host, long pid, long ppid, DoubleSupplier epochSeconds) {}
