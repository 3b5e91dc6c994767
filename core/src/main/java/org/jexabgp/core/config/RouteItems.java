package org.jexabgp.core.config;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;
import org.jexabgp.core.model.Route;
import org.jexabgp.core.model.RouteList;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.jspecify.annotations.Nullable;

/**
 * A neighbour draft's routes with where each was written, kept small (issue 9): the routes in a {@link RouteList}
 * builder, and of each position only its line and column when the token was the route's plain prefix (the common
 * {@code route P …;} line), so parsing a million routes no longer holds a million tokens. {@link #get} gives the same
 * item that was added (a token equal to the original).
 */
final class RouteItems extends AbstractList<NeighborDraft.Item<Route>> implements RandomAccess {
    private final RouteList.Builder routes = new RouteList.Builder();
    private @Nullable String file;
    /** Per item: line and column of a plain prefix token, in one long; or -1 with the token in {@link #tokens}. */
    private long[] where = new long[16];

    private Token @Nullable [] tokens;

    @Override
    public boolean add(NeighborDraft.Item<Route> item) {
        int i = routes.size();
        if (i == where.length) {
            where = Arrays.copyOf(where, i * 2);
            if (tokens != null) tokens = Arrays.copyOf(tokens, i * 2);
        }
        Route r = item.value();
        Token at = item.at();
        routes.add(r);
        if (plainPrefix(r, at)) {
            where[i] = (long) at.line() << 32 | at.column();
        } else {
            where[i] = -1;
            Token[] t = tokens;
            if (t == null) tokens = t = new Token[where.length];
            t[i] = at;
        }
        return true;
    }

    /**
     * An IPv4 route of the template's shape with the prefix {@code address << 8 | length}, written on that line and
     * column of the file: what {@link #add} keeps for the route and its prefix token. False, and nothing added, when
     * the file is not that of the routes before (the token is then kept whole, by {@code add}).
     */
    boolean addV4(Route template, long prefix, String file, int line, int column) {
        if (this.file == null) this.file = file;
        else if (!this.file.equals(file)) return false;
        int i = routes.size();
        if (i == where.length) {
            where = Arrays.copyOf(where, i * 2);
            if (tokens != null) tokens = Arrays.copyOf(tokens, i * 2);
        }
        routes.addV4(template, prefix);
        where[i] = (long) line << 32 | column;
        return true;
    }

    @Override
    public NeighborDraft.Item<Route> get(int index) {
        Route r = routes.get(index);
        long w = where[index];
        if (w < 0) {
            Token[] t = tokens;
            assert t != null;
            return new NeighborDraft.Item<>(r, t[index]);
        }
        String text = ((InetNlri) r.nlri()).prefix().toString();
        return new NeighborDraft.Item<>(r, new Token(text, file(), (int) (w >>> 32), (int) w, false));
    }

    @Override
    public int size() {
        return routes.size();
    }

    /** The family of an item's route, without making the route. */
    Family family(int index) {
        return routes.family(index);
    }

    /** The families of the routes, each once. */
    java.util.Set<Family> families() {
        return routes.families();
    }

    /** The routes, for the neighbour. */
    RouteList routes() {
        return routes.build();
    }

    private String file() {
        String f = file;
        assert f != null;
        return f;
    }

    /** The token is the route's own prefix as {@link #get} would write it back, in the file of the others. */
    private boolean plainPrefix(Route r, Token at) {
        if (at.quoted() || !(r.nlri() instanceof InetNlri nlri) || !nlri.prefix().address().isV4()) return false;
        if (file == null) file = at.file();
        return at.file().equals(file) && at.text().equals(nlri.prefix().toString());
    }
}
