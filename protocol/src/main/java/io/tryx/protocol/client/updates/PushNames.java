package io.tryx.protocol.client.updates;

import io.tryx.protocol.jid.Jid;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The push names seen on incoming messages ({@code notify}), by user, to report each user's first name and every
 * change once. In memory, at most {@value #MAX} users (least recently seen dropped). Thread-safe.
 */
final class PushNames {

    static final int MAX = 10_000;

    private final Map<Jid, String> names = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Jid, String> eldest) {
            return size() > MAX;
        }
    };

    /** Records {@code name} for {@code user} (seen in {@code chat}); the event when it is new or changed. */
    synchronized Optional<UpdateEvent.PushNameChanged> observe(Jid chat, Jid user, String name) {
        String previous = names.put(user, name);
        return Objects.equals(previous, name) ? Optional.empty()
                : Optional.of(new UpdateEvent.PushNameChanged(chat, user, previous, name));
    }
}
