package io.tryx.simulator.phone;

import java.util.ArrayDeque;
import java.util.List;

/**
 * An append-only log that keeps the last {@code limit} items: adding beyond the limit drops the oldest and counts
 * it, so a mock phone's inbox stays bounded through a long soak. Not thread-safe: the phone guards it.
 */
final class BoundedLog<T> {

    private final int limit;
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private long dropped;

    BoundedLog(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
    }

    void add(T item) {
        if (items.size() == limit) {
            items.pollFirst();
            dropped++;
        }
        items.addLast(item);
    }

    /** The items kept, oldest first. */
    List<T> items() {
        return List.copyOf(items);
    }

    /** How many items were dropped to stay within the limit. */
    long dropped() {
        return dropped;
    }
}
