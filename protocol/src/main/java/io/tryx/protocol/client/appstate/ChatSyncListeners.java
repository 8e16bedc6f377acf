package io.tryx.protocol.client.appstate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** The registered {@link ChatSyncListener}s; each event goes to each in turn, a throwing listener is logged and skipped. */
final class ChatSyncListeners {

    private static final Logger log = LoggerFactory.getLogger(ChatSyncListeners.class);

    private final List<ChatSyncListener> listeners = new CopyOnWriteArrayList<>();

    void add(ChatSyncListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void emit(ChatSyncEvent event) {
        for (ChatSyncListener listener : listeners) {
            try {
                listener.onChatSync(event);
            } catch (RuntimeException e) {
                log.warn("chat sync listener failed on {}: {}", event.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
