package io.tryx.protocol.client.messaging;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** The registered {@link MessageListener}s; {@link #dispatch} calls each in turn on the calling thread. */
final class Listeners {

    private final List<MessageListener> listeners = new CopyOnWriteArrayList<>();

    void add(MessageListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Calls every listener; a listener's exception propagates (the event then counts as not handled). */
    void dispatch(MessageEvent event) {
        for (MessageListener listener : listeners) {
            listener.onMessageEvent(event);
        }
    }
}
