package org.jexabgp.core.fsm;

/** BGP session states (RFC 4271 §8.2.2), named as ExaBGP prints them in {@code fsm} events. */
public enum State {
    IDLE,
    CONNECT,
    ACTIVE,
    OPENSENT,
    OPENCONFIRM,
    ESTABLISHED
}
