package org.jexabgp.reactor.json;

/** Which way a message copy went (json.md §3): {@code "in"} is what {@code exabgp decode} prints (json.md §9). */
public enum Direction {
    RECEIVE("receive"),
    SEND("send"),
    DECODE("in");

    private final String jsonName;

    Direction(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** Capability keys, notification text, add-path ids: decoding reads like receiving. */
    public boolean received() {
        return this != SEND;
    }

    public static Direction of(boolean received) {
        return received ? RECEIVE : SEND;
    }
}
