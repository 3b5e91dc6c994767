package org.jexabgp.wire;

/**
 * Input that breaks the encoding rules. Stackless: it is caused by the peer, not by our code. It carries the
 * NOTIFICATION code, subcode and data to send if it ends the session.
 */
public class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final int subcode;
    private final Bytes data;

    public Malformed(int code, int subcode, Bytes data, String reason) {
        super(reason, null, false, false);
        this.code = code;
        this.subcode = subcode;
        this.data = data;
    }

    public Malformed(int code, int subcode, String reason) {
        this(code, subcode, Bytes.EMPTY, reason);
    }

    /** NOTIFICATION error code to send (RFC 4271 §4.5). */
    public int code() {
        return code;
    }

    public int subcode() {
        return subcode;
    }

    public Bytes data() {
        return data;
    }

    /** UPDATE Message Error / Malformed Attribute List (3/1). */
    public static Malformed attributeList(String reason) {
        return new Malformed(3, 1, reason);
    }

    /** UPDATE Message Error / Attribute Length Error (3/5). */
    public static Malformed attributeLength(int attributeCode, int length) {
        return new Malformed(3, 5, "attribute " + attributeCode + " has an invalid length of " + length);
    }

    /** UPDATE Message Error, subcode given, e.g. 3/6 invalid ORIGIN. */
    public static Malformed update(int subcode, String reason) {
        return new Malformed(3, subcode, reason);
    }
}
