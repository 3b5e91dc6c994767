package org.jexabgp.reactor.json;

/**
 * The neighbour as events show it (json.md §3): addresses as text (ExaBGP prints {@code None} for a local address not
 * yet known), ASNs as integers.
 */
public record EventNeighbor(String localAddress, String peerAddress, long localAs, long peerAs) {}
