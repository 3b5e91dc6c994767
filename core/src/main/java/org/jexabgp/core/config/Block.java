package org.jexabgp.core.config;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The statements of a file, read in order by the section parsers; a section ends at its {@code }}. */
final class Block {
    /** Handles one statement of a section (a command or a nested section's opening). */
    @FunctionalInterface
    interface Body {
        void statement(Statement s) throws ConfigError;
    }

    private final @Nullable List<Statement> statements;
    private final @Nullable Tokenizer tokenizer;
    private int next;
    private boolean closed = true;
    /** Whether sections may read plain lines whole (off only to compare with the words' reading, in tests). */
    boolean wholeLines = true;
    /** One parse's route templates: the attribute text of configured routes is parsed once (issue 9). */
    final RouteTemplates routeTemplates = new RouteTemplates();

    Block(List<Statement> statements) {
        this.statements = statements;
        this.tokenizer = null;
    }

    /** A file read lazily: statements are cut as the section parsers ask for them. */
    Block(Tokenizer tokenizer) {
        this.statements = null;
        this.tokenizer = tokenizer;
    }

    @Nullable Statement next() throws ConfigError {
        if (tokenizer != null) return tokenizer.next();
        List<Statement> all = statements;
        return all != null && next < all.size() ? all.get(next++) : null;
    }

    /**
     * Feeds the statements of the section just opened to body, up to its closing brace. A missing final brace at end
     * of file is accepted and words written before a {@code }} are dropped, as ExaBGP does (config.md §2, D10).
     */
    void section(Body body) throws ConfigError {
        for (Statement s = next(); s != null; s = next()) {
            if (s.closes()) {
                closed = true;
                return;
            }
            body.statement(s);
        }
        closed = false;
    }

    /** See {@link Tokenizer#lineTaker}; a block of statements already cut has no lines to offer. */
    void lineTaker(Tokenizer.@Nullable LineTaker taker) {
        if (tokenizer != null && wholeLines) tokenizer.lineTaker(taker);
    }

    /** Whether the last section read ended at its own {@code }} rather than at the end of the file. */
    boolean closed() {
        return closed;
    }

    /** Consumes a section whose content is ignored on purpose. */
    void skipSection() throws ConfigError {
        section(s -> {
            if (s.opens()) skipSection();
        });
    }
}
