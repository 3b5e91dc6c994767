package org.jexabgp.core.rib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.jexabgp.wire.Family;

/**
 * A drain's output, kept so that it can be given again ({@link NeighborRibOut}: one drain for the neighbours sharing a
 * table): its UPDATEs and oversized reports in order, and where a partial drain of the table would have been allowed
 * to stop, so that giving it in parts cuts it where the table's own partial drains would.
 */
final class DrainRecording implements UpdateSink {
    private final List<Object> items = new ArrayList<>();
    /** Item i may not end a partial drain: it and item i + 1 were packed as one (AdjRibOut's other changes). */
    private final BitSet joined = new BitSet();

    private record Oversized(Family family, int attributeBytes) {}

    @Override
    public void update(byte[] message, int length) {
        items.add(Arrays.copyOf(message, length));
    }

    @Override
    public void oversized(Family family, int attributeBytes) {
        items.add(new Oversized(family, attributeBytes));
    }

    int size() {
        return items.size();
    }

    /** What was recorded from item {@code from} on goes out whole: no partial drain stops inside it. */
    void together(int from) {
        if (items.size() - from > 1) joined.set(from, items.size() - 1);
    }

    /**
     * Gives the items from {@code from} on until at least {@code bytes} bytes of UPDATEs went and a partial drain may
     * stop there, or none is left; returns the index of the first item not given.
     */
    int give(int from, UpdateSink sink, long bytes) {
        long given = 0;
        int i = from;
        while (i < items.size()) {
            Object item = items.get(i);
            if (item instanceof byte[] message) {
                sink.update(message, message.length);
                given += message.length;
            } else {
                Oversized o = (Oversized) item;
                sink.oversized(o.family(), o.attributeBytes());
            }
            // a table's partial drain stops between groups too, an oversized report ending one as well
            if (given >= bytes && !joined.get(i)) return i + 1;
            i++;
        }
        return i;
    }
}
