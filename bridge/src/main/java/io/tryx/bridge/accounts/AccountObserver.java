package io.tryx.bridge.accounts;

import io.tryx.protocol.client.ClientEvent;
import io.tryx.protocol.client.appstate.ChatSyncEvent;
import io.tryx.protocol.client.devices.DeviceEvent;
import io.tryx.protocol.client.updates.UpdateEvent;
import io.tryx.protocol.client.history.HistorySyncEvent;
import io.tryx.protocol.client.messaging.MessageEvent;

/** Receives what the hosted accounts report; the events package publishes it to Kafka. */
public interface AccountObserver {

    /** A lifecycle event of {@code account}; called one at a time per account, in order. */
    void onLifecycle(AccountView account, ClientEvent event, ConnectionHints hints);

    /** A pair code to show for {@code account} (on the same serial order as its lifecycle events). */
    void onPairCode(AccountView account, String code);

    /**
     * A message event of {@code account}; called on the messaging workers, in order per chat. Returning means the
     * event is stored safely (the runtime then acknowledges the message to WhatsApp); throwing leaves it
     * unacknowledged, to come back on redelivery.
     */
    void onMessage(AccountView account, MessageEvent event);

    /**
     * A history sync event of {@code account}, one chunk at a time and in order, on the worker processing the chunk.
     * Returning means it is stored safely; throwing stops the chunk and leaves its notification for redelivery (the
     * chunk is then processed again from its start, with the same event ids).
     */
    void onHistory(AccountView account, HistorySyncEvent event);

    /**
     * A social update of {@code account} (presence, chat state, pictures, about texts, push names, privacy, blocklist);
     * on the client's workers, in order per chat. Throwing leaves its notification unacknowledged, for redelivery.
     */
    default void onUpdate(AccountView account, UpdateEvent event) {
    }

    /** An app-state change or sync step of {@code account}, in apply order (the state is stored already). */
    default void onChatSync(AccountView account, ChatSyncEvent event) {
    }

    /** A device-list or identity change of a user {@code account} knows; throwing leaves it for redelivery. */
    default void onDevice(AccountView account, DeviceEvent event) {
    }

    /**
     * A call step of {@code account}, on the workers in order per call. Returning means it is stored safely (the
     * runtime then acknowledges the call stanza); throwing leaves the stanza unacknowledged.
     */
    default void onCall(AccountView account, io.tryx.protocol.client.calls.CallEvent event) {
    }

    /**
     * A post or reaction update of a newsletter {@code account} follows, in order per newsletter. Returning means it
     * is stored safely (the runtime then acknowledges the post); throwing leaves it unacknowledged.
     */
    default void onNewsletter(AccountView account, io.tryx.protocol.client.newsletter.NewsletterEvent event) {
    }
}
