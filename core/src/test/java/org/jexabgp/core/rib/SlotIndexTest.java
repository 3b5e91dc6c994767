package org.jexabgp.core.rib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The index finds every slot by its key as a map would, through growth, reservations, adds (checked or not) and removals
 * under churn.
 */
class SlotIndexTest {
    @Test
    void behavesAsAMap() {
        for (long seed = 1; seed <= 40; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            LongPages keys = new LongPages(4096);
            SlotIndex index = new SlotIndex();
            Map<Long, Integer> reference = new HashMap<>();
            List<Integer> free = new ArrayList<>();
            int next = 0;
            // few distinct keys, so adds, finds and removals of the same key mix, with long probe runs
            int space = 50 + random.nextInt(3000);
            for (int step = 0; step < 20_000; step++) {
                long key = (long) random.nextInt(space) << 8 | 24;
                int op = random.nextInt(100);
                Integer known = reference.get(key);
                if (op < 2) {
                    index.reserve(random.nextInt(2000), keys);
                } else if (op < 30) {
                    if (known != null) continue;
                    int slot = free.isEmpty() ? next++ : free.removeLast();
                    keys.set(slot, key);
                    index.put(slot, keys);
                    reference.put(key, slot);
                } else if (op < 55) {
                    // the candidate slot holds the key before the call; it is taken only when the key was absent
                    int slot = free.isEmpty() ? next : free.getLast();
                    keys.set(slot, key);
                    int got = index.addIfAbsent(slot, keys);
                    assertThat(got).as("seed %d step %d", seed, step).isEqualTo(known == null ? slot : known);
                    if (known != null) continue;
                    if (free.isEmpty()) next++;
                    else free.removeLast();
                    reference.put(key, slot);
                } else if (op < 85) {
                    if (known == null) continue;
                    index.remove(key, keys);
                    reference.remove(key);
                    free.add(known);
                } else {
                    assertThat(index.get(key, keys))
                            .as("seed %d step %d", seed, step)
                            .isEqualTo(known == null ? -1 : known);
                }
            }
            for (Map.Entry<Long, Integer> e : reference.entrySet())
                assertThat(index.get(e.getKey(), keys)).as("seed %d", seed).isEqualTo(e.getValue());
        }
    }
}
