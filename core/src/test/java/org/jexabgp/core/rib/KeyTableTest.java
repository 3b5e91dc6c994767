package org.jexabgp.core.rib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The table maps keys to slots as a map would through growth and removals under churn, for any key (zero included)
 * and any slot from 0 to {@link Integer#MAX_VALUE}.
 */
class KeyTableTest {
    @Test
    void behavesAsAMap() {
        for (long seed = 1; seed <= 40; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            KeyTable table = new KeyTable();
            Map<Long, Integer> reference = new HashMap<>();
            // few distinct keys around zero, so puts, finds and removals of the same key mix, with long probe runs
            int space = 50 + random.nextInt(3000);
            for (int step = 0; step < 20_000; step++) {
                long key = (long) (random.nextInt(space) - space / 2) << 8 | random.nextInt(2) * 24;
                int op = random.nextInt(100);
                Integer known = reference.get(key);
                if (op < 45) {
                    if (known != null) continue;
                    int slot = switch (random.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> Integer.MAX_VALUE - random.nextInt(3);
                        default -> random.nextInt(1 << 20);
                    };
                    table.put(key, slot);
                    reference.put(key, slot);
                } else if (op < 75) {
                    if (known == null) continue;
                    table.remove(key);
                    reference.remove(key);
                } else {
                    assertThat(table.get(key)).as("seed %d step %d", seed, step).isEqualTo(known == null ? -1 : known);
                }
                assertThat(table.size()).as("seed %d step %d", seed, step).isEqualTo(reference.size());
            }
            for (Map.Entry<Long, Integer> e : reference.entrySet())
                assertThat(table.get(e.getKey())).as("seed %d", seed).isEqualTo(e.getValue());
        }
    }
}
