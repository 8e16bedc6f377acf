package io.tryx.protocol.client.messaging;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registered {@link MessageListener}s and {@link PeerMessageConsumer}s; {@link #dispatch} calls each listener in
 * turn on the calling thread, {@link #dispatchReceived} first offers a decrypted message to the consumers.
 */
final class Listeners {

    private final List<MessageListener> listeners = new CopyOnWriteArrayList<>();
    private final List<PeerMessageConsumer> consumers = new CopyOnWriteArrayList<>();

    void add(MessageListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void addConsumer(PeerMessageConsumer consumer) {
        consumers.add(Objects.requireNonNull(consumer, "consumer"));
    }

    /** Offers a decrypted message to the peer-message consumers; reports it to the listeners if none took it. */
    void dispatchReceived(MessageEvent.MessageReceived received) {
        for (PeerMessageConsumer consumer : consumers) {
            if (consumer.consume(received.info(), received.message())) {
                return;
            }
        }
        dispatch(received);
    }

    /** Calls every listener; a listener's exception propagates (the event then counts as not handled). */
    void dispatch(MessageEvent event) {
        for (MessageListener listener : listeners) {
            listener.onMessageEvent(event);
        }
    }
}
