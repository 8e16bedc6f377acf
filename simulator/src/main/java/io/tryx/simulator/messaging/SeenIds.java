package io.tryx.simulator.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The message ids the server saw last (per sending device), so a resent stanza is acked but not delivered
 * twice. Bounded: the oldest of more than {@code limit} ids is forgotten. Thread-safe.
 */
public final class SeenIds {

    private final Set<String> seen;

    public SeenIds(int limit) {
        this.seen = Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > limit;
            }
        });
    }

    /** Records {@code id} from {@code device}; false when it was seen before. */
    public synchronized boolean firstTime(String device, String id) {
        return seen.add(device + ' ' + id);
    }
}
