package org.jexabgp.wire;

/** A read past the end of the bounded data: the enclosing structure's length did not fit its content. */
public final class Truncated extends Malformed {
    private static final long serialVersionUID = 1L;

    public Truncated(int wanted, int left) {
        super(1, 0, "needed " + wanted + " more byte(s), only " + left + " left");
    }
}
