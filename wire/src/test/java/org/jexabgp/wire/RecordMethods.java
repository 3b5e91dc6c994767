package org.jexabgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a record's hand-written {@code equals} and {@code hashCode} (issue 9 wrote them out for the records a start
 * hashes or compares) against what the generated ones would do: equal components give equal records and equal hashes,
 * a change in any one component gives an unequal record, and a null where the record takes one compares without
 * failing. A component added later and left out of {@code equals} fails it.
 */
public final class RecordMethods {
    private final Map<Class<?>, Object[]> samples = new HashMap<>();

    public RecordMethods() {
        sample(int.class, 1, 2);
        sample(long.class, 1L, 2L);
        sample(boolean.class, false, true);
        sample(String.class, "a", "b");
        sample(IpAddress.class, IpAddress.parse("192.0.2.1"), IpAddress.parse("192.0.2.2"));
        sample(Family.class, Family.IPV4_UNICAST, Family.IPV4_MULTICAST);
        sample(Bytes.class, Bytes.of((byte) 1), Bytes.of((byte) 2));
    }

    /** Two different values for components of this type (the first is the one every other check keeps). */
    public RecordMethods sample(Class<?> type, Object first, Object second) {
        samples.put(type, new Object[] {first, second});
        return this;
    }

    /** Checks the record class of this name (nested and private ones too: {@code Outer$Inner}). */
    public void check(String className) throws ReflectiveOperationException {
        check(Class.forName(className));
    }

    public void check(Class<?> type) throws ReflectiveOperationException {
        assertThat(type.isRecord()).as(type.getName()).isTrue();
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] base = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            base[i] = value(type, types[i], 0);
        }
        Constructor<?> make = type.getDeclaredConstructor(types);
        make.setAccessible(true);
        Object a = make.newInstance(base.clone());
        Object same = make.newInstance(base.clone());
        assertThat(a).as(type.getName()).isEqualTo(same);
        assertThat(a.hashCode()).as(type.getName()).isEqualTo(same.hashCode());
        assertThat(a.equals(null)).isFalse();
        assertThat(a.equals("another type")).isFalse();
        for (int i = 0; i < components.length; i++) {
            String what = type.getSimpleName() + "." + components[i].getName();
            Object[] changed = base.clone();
            changed[i] = value(type, types[i], 1);
            assertThat(a).as(what).isNotEqualTo(make.newInstance(changed));
            if (types[i].isPrimitive()) continue;
            changed[i] = null;
            Object withNull;
            try {
                withNull = make.newInstance(changed);
            } catch (InvocationTargetException refused) {
                continue; // the record takes no null there
            }
            Object withNullToo = make.newInstance(changed.clone());
            assertThat(withNull).as(what + " null").isEqualTo(withNullToo);
            assertThat(withNull.hashCode()).as(what + " null").isEqualTo(withNullToo.hashCode());
            assertThat(withNull).as(what + " null").isNotEqualTo(a);
            assertThat(a).as(what + " null").isNotEqualTo(withNull);
        }
    }

    private Object value(Class<?> record, Class<?> type, int which) {
        Object[] two = samples.get(type);
        if (two == null) throw new AssertionError("no sample values of " + type.getName() + " for " + record.getName());
        return two[which];
    }

    /** Two lists of one element each, for components declared as {@code List}. */
    public RecordMethods lists(Object first, Object second) {
        return sample(List.class, List.of(first), List.of(second));
    }
}
