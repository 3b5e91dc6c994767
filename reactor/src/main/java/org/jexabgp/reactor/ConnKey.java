package org.jexabgp.reactor;

/** Names one TCP connection between the reactor and an engine. Outgoing ids are positive, incoming negative. */
public record ConnKey(long id) {}
