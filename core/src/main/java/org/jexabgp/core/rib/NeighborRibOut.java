package org.jexabgp.core.rib;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Negotiated;
import org.jspecify.annotations.Nullable;

/**
 * One neighbour's Adj-RIB-Out as its session and the reactor use it. Neighbours that were sent the same changes share
 * one {@link AdjRibOut} (update groups; issue 9: a program announcing to 200 neighbours filled 200 equal tables and
 * packed the same UPDATEs 200 times). Sharing is copy on write, so each neighbour behaves exactly as with a table of its
 * own:
 *
 * <ul>
 *   <li>a change for one neighbour ({@link #announce}, a reload, a refresh) gives it its own copy when the table is
 *       shared;
 *   <li>a change for several ({@link Fanout}, a program's route command) is made once in each table all of whose
 *       neighbours get it alike, and once in a copy that the others among them then share;
 *   <li>a drain of a shared table (sessions come up one by one) packs a copy once and remembers the UPDATEs and the
 *       drained copy: the table's other neighbours whose sessions encode alike take both, not a drain of their own.
 * </ul>
 *
 * One thread (the reactor's) uses every handle and table.
 */
public final class NeighborRibOut {
    /**
     * A shared table is drained through a copy only up to this many slots: beyond, each neighbour draining it takes a
     * copy of its own, once, and drains that as a table of its own from then on. Copying a large table at every drain
     * (neighbours up at different times; a program's routes arriving turn after turn) would cost more than the packing
     * it saves.
     */
    static final int SHARED_DRAIN_LIMIT = 1 << 16;
    /**
     * Slots a turn copies before it defers the drains that would copy more ({@link #drainDeferred}): neighbours coming up
     * together on a large shared table each take their copy in a turn of its own, not all in one.
     */
    static final long COPIES_PER_TURN = 1 << 20;

    private Table table;
    /** What a shared drain gave this neighbour and it has not yet handed on, from {@link #next}: sent before the rest. */
    private @Nullable DrainRecording replay;

    private int next;

    /** A table and the neighbours holding it. */
    private static final class Table {
        final AdjRibOut rib;
        /** {@link #SHARED_DRAIN_LIMIT}, or a test's. */
        final int drainLimit;
        /** Where its neighbours started, which counts the turn's copies; null for a table made alone. */
        final @Nullable Starter starter;

        int holders;
        /** The last drain or new session done from this table for one of its holders, which the others may take. */
        @Nullable Memo memo;
        /** The table whose {@link #memo} leads here: this one may not change while that memo stands. */
        @Nullable Table origin;

        // a Fanout's bookkeeping, valid while mark is that fanout's
        @Nullable Object mark;
        int holdersMarked;
        int targeted;
        @Nullable Object variant;
        boolean mixed;
        boolean changed;
        @Nullable Table split;
        @Nullable Object splitVariant;

        Table(AdjRibOut rib, int drainLimit, @Nullable Starter starter) {
            this.rib = rib;
            this.drainLimit = drainLimit;
            this.starter = starter;
        }

        /** A table of its own, equal to this one, counted against the turn's copies. */
        Table copy() {
            if (starter != null) starter.copied += rib.slotCount();
            return new Table(rib.copy(), drainLimit, starter);
        }

        /** About to change in place: no memo of it or leading to it stays true. */
        void forget() {
            release();
            Table o = origin;
            if (o != null) {
                if (o.memo != null && o.memo.after == this) o.memo = null;
                origin = null;
            }
        }

        /** No holder left: its memo goes (a memo leading here stays: a holder of that table may still come). */
        void release() {
            Memo m = memo;
            if (m != null && m.after.origin == this) m.after.origin = null;
            memo = null;
        }

        /** Whether a change in place is this neighbour's alone: no other holds it, no memo leads here. */
        boolean exclusive() {
            return holders == 1 && origin == null;
        }

        /** Whether one drain or new session done through a copy and a memo may serve its other holders. */
        boolean memoWorthy() {
            return rib.slotCount() <= drainLimit;
        }

        void remember(Memo m) {
            release();
            memo = m;
            m.after.origin = this;
        }
    }

    /** @param key what the result depended on besides the table: {@link DrainKey}, or {@link #NEW_SESSION} */
    private record Memo(Object key, @Nullable DrainRecording updates, Table after) {}

    /**
     * What a drain's UPDATEs depend on besides the table: the session's encoding, the packing options and whether
     * withdrawals go. Compared field by field ({@link #sameEncoding}): a record's generated equals runs through method
     * handles, 60 µs a drain while the code is still interpreted (issue 9: 200 neighbours coming up).
     */
    private record DrainKey(Negotiated session, PackingOptions options, boolean withdrawals) {
        boolean matches(Negotiated n, PackingOptions o, boolean w) {
            return withdrawals == w && options.groupUpdates() == o.groupUpdates() && sameEncoding(session, n);
        }
    }

    /**
     * Whether UPDATEs for one session are those for the other: every value of a {@link Negotiated} but the hold time,
     * which no encoder reads and neighbours' sessions differ in (a test checks that every other component counts).
     */
    static boolean sameEncoding(Negotiated a, Negotiated b) {
        return a == b
                || a.localAs() == b.localAs()
                        && a.peerAs() == b.peerAs()
                        && a.asn4() == b.asn4()
                        && a.messageSize() == b.messageSize()
                        && a.refresh() == b.refresh()
                        && a.multisession() == b.multisession()
                        && a.operational() == b.operational()
                        && a.aigp() == b.aigp()
                        && a.families().equals(b.families())
                        && a.addPathSend().equals(b.addPathSend())
                        && a.addPathReceive().equals(b.addPathReceive())
                        && a.extendedNextHop().equals(b.extendedNextHop());
    }

    private static final Object NEW_SESSION = new Object();


    private NeighborRibOut(Table table) {
        this.table = table;
        table.holders++;
    }

    /** A neighbour with a table of its own, not shared until it is copied. */
    public NeighborRibOut(AdjRibOut rib) {
        this(new Table(rib, SHARED_DRAIN_LIMIT, null));
    }

    /** Where neighbours get their first table: one empty table, shared while it is untouched. */
    public static final class Starter {
        private final UpdatePacker packer;
        private final int drainLimit;
        private final long copiesPerTurn;
        private @Nullable Table cached;
        private @Nullable Table uncached;
        /** Slots copied since {@link #newTurn}. */
        private long copied;

        public Starter(UpdatePacker packer) {
            this(packer, SHARED_DRAIN_LIMIT, COPIES_PER_TURN);
        }

        /**
         * @param drainLimit the largest table drained once for all its neighbours ({@link #SHARED_DRAIN_LIMIT})
         * @param copiesPerTurn slots a turn copies before drains that would copy more wait ({@link #COPIES_PER_TURN})
         */
        public Starter(UpdatePacker packer, int drainLimit, long copiesPerTurn) {
            this.packer = packer;
            this.drainLimit = drainLimit;
            this.copiesPerTurn = copiesPerTurn;
        }

        /** A turn begins: its copies are counted from zero. */
        public void newTurn() {
            copied = 0;
        }

        /**
         * Slots of tables copied this turn (neighbours leaving the tables they shared): the reactor counts them as work
         * of the turn, as it counts route changes.
         */
        public long copiedThisTurn() {
            return copied;
        }

        /** @param cache {@code adj-rib-out}: neighbours without a cache share only among themselves */
        public NeighborRibOut start(boolean cache) {
            Table t = cache ? cached : uncached;
            if (t == null || !t.rib.untouched()) {
                t = new Table(new AdjRibOut(cache, packer), drainLimit, this);
                if (cache) cached = t;
                else uncached = t;
            }
            return new NeighborRibOut(t);
        }
    }

    /**
     * The neighbour is gone (removed, replaced by a reload): its table has one holder less, so that the neighbours left
     * with it change it in place rather than through copies. The handle holds an empty table of its own from now on.
     */
    public void release() {
        AdjRibOut empty = new AdjRibOut(table.rib.cached(), table.rib.packer());
        replay = null;
        move(new Table(empty, table.drainLimit, null));
    }

    /** How many tables the neighbours of these things hold between them: what a change for all of them costs. */
    public static <T> int tables(List<T> holders, java.util.function.Function<T, NeighborRibOut> rib) {
        if (holders.size() < 2) return holders.size();
        java.util.Set<Table> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (T h : holders) seen.add(rib.apply(h).table);
        return seen.size();
    }

    /** Whether this neighbour's table is shared with others: for tests and {@code show}. */
    public boolean shared() {
        return table.holders > 1;
    }

    /** Whether two neighbours share one table. */
    public boolean sharesWith(NeighborRibOut other) {
        return table == other.table;
    }

    // ---- reading ----

    public boolean hasPending() {
        return replay != null || table.rib.hasPending();
    }

    public boolean packing() {
        return replay != null || table.rib.packing();
    }

    public List<Route> routes() {
        return table.rib.routes();
    }

    public List<Route> routes(Family family) {
        return table.rib.routes(family);
    }

    // ---- changes for this neighbour alone ----

    public void reserve(int more) {
        if (more > 0) own().reserve(more);
    }

    public void announce(Route route) {
        own().announce(route);
    }

    public void withdraw(Route route) {
        own().withdraw(route);
    }

    public void announceV4(Route shape, long[] prefixes, int from, int to) {
        own().announceV4(shape, prefixes, from, to);
    }

    public void withdrawV4(Route shape, long[] prefixes, int from, int to) {
        own().withdrawV4(shape, prefixes, from, to);
    }

    public void withdrawAll() {
        own().withdrawAll();
    }

    public void resendAll() {
        own().resendAll();
    }

    public void resend(Family family) {
        own().resend(family);
    }

    /** {@link AdjRibOut#newSession()}: what a shared table's other neighbours coming up would do is done once. */
    public void newSession() {
        Table t = table;
        if (t.rib.journalIsCache()) return; // nothing to do, nothing to forget (AdjRibOut.newSession)
        replay = null; // a shared drain's rest was for the session that ended, as a partial drain's is
        Memo m = t.memo;
        boolean known = m != null && m.key == NEW_SESSION;
        if (!known && (t.exclusive() || !t.memoWorthy())) {
            own().newSession();
            return;
        }
        if (!known) {
            Table after = t.copy();
            after.rib.newSession();
            m = new Memo(NEW_SESSION, null, after);
            t.remember(m);
        }
        move(m.after);
    }

    // ---- drains ----

    /**
     * Whether the session should drain later: a drain now would copy a large table this neighbour shares (one too large
     * to drain once for all, {@link #SHARED_DRAIN_LIMIT}) while this turn already copied its share
     * ({@link #COPIES_PER_TURN}). Neighbours coming up together on such a table then take their copies a turn each,
     * the loop answering meanwhile. The next turn may: its count starts from zero.
     */
    public boolean drainDeferred() {
        Table t = table;
        Starter s = t.starter;
        return replay == null && s != null && t.holders > 1 && !t.memoWorthy() && s.copied >= s.copiesPerTurn;
    }

    /** {@link AdjRibOut#drain(Negotiated, PackingOptions, boolean, UpdateSink)}. */
    public void drain(Negotiated session, PackingOptions options, boolean includeWithdrawals, UpdateSink sink) {
        drain(session, options, includeWithdrawals, sink, Long.MAX_VALUE, true);
    }

    /**
     * {@link AdjRibOut#drain(Negotiated, PackingOptions, boolean, UpdateSink, long)}. A shared table is drained whole,
     * once for all its neighbours whose sessions encode alike; each hands the UPDATEs on at its own pace.
     */
    public void drain(
            Negotiated session, PackingOptions options, boolean includeWithdrawals, UpdateSink sink, long bytes) {
        drain(session, options, includeWithdrawals, sink, bytes, false);
    }

    private void drain(Negotiated session, PackingOptions options, boolean includeWithdrawals, UpdateSink sink,
            long bytes, boolean whole) {
        // what is still to replay is the table's frozen rest would be: a partial drain gives only of it, a whole one
        // all of it and then the rest
        if (replay != null) {
            replay(sink, bytes);
            if (!whole) return;
        }
        Table t = table;
        Memo m = t.memo;
        boolean known = m != null && m.key instanceof DrainKey k && k.matches(session, options, includeWithdrawals);
        if (!known && (t.exclusive() || !t.memoWorthy())) {
            AdjRibOut rib = own();
            if (whole) rib.drain(session, options, includeWithdrawals, sink);
            else rib.drain(session, options, includeWithdrawals, sink, bytes);
            return;
        }
        if (!known) {
            Table after = t.copy();
            DrainRecording updates = new DrainRecording();
            after.rib.drain(session, options, includeWithdrawals, updates);
            m = new Memo(new DrainKey(session, options, includeWithdrawals), updates, after);
            t.remember(m);
        }
        move(m.after);
        if (m.updates != null && m.updates.size() > 0) {
            replay = m.updates;
            next = 0;
            replay(sink, bytes);
        }
    }

    /** {@link AdjRibOut#packFrozen}: what a drain left to hand on, whole. */
    public void packFrozen(Negotiated session, UpdateSink sink) {
        replay(sink, Long.MAX_VALUE);
        table.rib.packFrozen(session, sink);
    }

    /** Hands on recorded UPDATEs as a partial drain of {@code bytes} would ({@link DrainRecording#give}). */
    private void replay(UpdateSink sink, long bytes) {
        DrainRecording r = replay;
        if (r == null) return;
        next = r.give(next, sink, bytes);
        if (next == r.size()) replay = null;
    }

    // ---- sharing ----

    /** The table, to change for this neighbour alone: its own from now on, copied if it was shared. */
    private AdjRibOut own() {
        Table t = table;
        if (t.holders == 1) {
            t.forget();
            return t.rib;
        }
        Table copy = t.copy();
        move(copy);
        return copy.rib;
    }

    private void move(Table to) {
        Table from = table;
        if (from == to) return;
        table = to;
        to.holders++;
        if (--from.holders == 0) from.release();
    }

    /**
     * One change for several neighbours (a program's route command reaching them): made once in each table all of
     * whose neighbours get it with the same value (the route, resolved per neighbour), else once in a copy for those of
     * them that get the same value. Each neighbour must be added once.
     *
     * @param <V> the value the change takes (the route as it goes to that neighbour)
     */
    public static final class Fanout<V> {
        private final List<NeighborRibOut> members = new ArrayList<>();
        private final List<V> values = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();

        public void add(NeighborRibOut rib, V value) {
            members.add(rib);
            values.add(value);
        }

        public int size() {
            return members.size();
        }

        /** Makes the change, then forgets the neighbours added. */
        public void apply(BiConsumer<AdjRibOut, V> change) {
            Object mark = new Object();
            try {
                for (int i = 0; i < members.size(); i++) {
                    Table t = members.get(i).table;
                    tables.add(t);
                    V v = values.get(i);
                    if (t.mark != mark) {
                        t.mark = mark;
                        t.holdersMarked = t.holders;
                        t.targeted = 0;
                        t.variant = v;
                        t.mixed = false;
                        t.changed = false;
                        t.split = null;
                        t.splitVariant = null;
                    }
                    t.targeted++;
                    if (!same(t.variant, v)) t.mixed = true;
                }
                for (int i = 0; i < members.size(); i++) {
                    Table t = tables.get(i);
                    V v = values.get(i);
                    if (t.targeted == t.holdersMarked && !t.mixed) {
                        if (!t.changed) {
                            t.changed = true;
                            t.forget();
                            change.accept(t.rib, v);
                        }
                        continue;
                    }
                    Table split = t.split;
                    if (split == null || !same(t.splitVariant, v)) {
                        split = t.copy();
                        change.accept(split.rib, v);
                        t.split = split;
                        t.splitVariant = v;
                    }
                    members.get(i).move(split);
                }
            } finally {
                for (Table t : tables) {
                    t.mark = null;
                    t.variant = null;
                    t.split = null;
                    t.splitVariant = null;
                }
                members.clear();
                values.clear();
                tables.clear();
            }
        }

        private static boolean same(@Nullable Object a, @Nullable Object b) {
            return a == b || a != null && a.equals(b);
        }
    }
}
