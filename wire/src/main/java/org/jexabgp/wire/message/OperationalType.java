package org.jexabgp.wire.message;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The OPERATIONAL message types ExaBGP implements (draft-ietf-idr-operational-message, wire.md §11): advisories carry a
 * text, queries a router-id and sequence, replies the same plus a counter.
 */
public enum OperationalType {
    /** Advisory Demand Message. */
    ADM(1, Shape.ADVISORY),
    /** Advisory Static Message: remembered and re-sent after each reconnect (api.md §4.8). */
    ASM(2, Shape.ADVISORY),
    RPCQ(3, Shape.QUERY),
    RPCP(4, Shape.REPLY),
    APCQ(5, Shape.QUERY),
    APCP(6, Shape.REPLY),
    LPCQ(7, Shape.QUERY),
    LPCP(8, Shape.REPLY);

    /** What follows AFI/SAFI in the body. */
    public enum Shape {
        ADVISORY,
        QUERY,
        REPLY
    }

    private final int code;
    private final Shape shape;

    OperationalType(int code, Shape shape) {
        this.code = code;
        this.shape = shape;
    }

    public int code() {
        return code;
    }

    public Shape shape() {
        return shape;
    }

    /** The API keyword ({@code asm}, {@code rpcq}, …). */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static @Nullable OperationalType of(int code) {
        for (OperationalType t : values()) if (t.code == code) return t;
        return null;
    }

    public static @Nullable OperationalType parse(String keyword) {
        for (OperationalType t : values()) if (t.keyword().equals(keyword)) return t;
        return null;
    }
}
