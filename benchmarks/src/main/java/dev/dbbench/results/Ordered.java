package dev.dbbench.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Unmodifiable copies that keep insertion order, which {@code Map.copyOf} does not. */
public final class Ordered {
    private Ordered() {}

    public static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
