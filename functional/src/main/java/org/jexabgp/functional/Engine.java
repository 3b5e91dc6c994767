package org.jexabgp.functional;

import java.util.List;
import java.util.Locale;

/** The daemon's two engines, chosen by ExaBGP's {@code reactor.asyncio} setting (runtime.md). */
public enum Engine {
    SELECTOR(false),
    VIRTUAL_THREADS(true);

    private final boolean asyncio;

    Engine(boolean asyncio) {
        this.asyncio = asyncio;
    }

    public boolean asyncio() {
        return asyncio;
    }

    /** {@code selector}, {@code virtual-threads}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code selector}, {@code virtual-threads} or {@code both}. */
    public static List<Engine> parse(String s) {
        return switch (s) {
            case "both" -> List.of(values());
            case "selector" -> List.of(SELECTOR);
            case "virtual-threads", "asyncio" -> List.of(VIRTUAL_THREADS);
            default -> throw new IllegalArgumentException("engine: selector, virtual-threads or both, not " + s);
        };
    }
}
