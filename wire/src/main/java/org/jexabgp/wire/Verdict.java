package org.jexabgp.wire;

/** What happens to an UPDATE that contained a problem (RFC 7606). Ordered: the strongest one found wins. */
public enum Verdict {
    ACCEPT,
    DISCARD_ATTRIBUTE,
    TREAT_AS_WITHDRAW,
    RESET_SESSION;

    public Verdict strongest(Verdict other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
