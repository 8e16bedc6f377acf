/**
 * End-to-end encrypted 1:1 messaging of the runtime client: receiving ({@link io.tryx.protocol.client.messaging.MessageReceiver}:
 * decrypt in a unit of work with the plaintext buffered, dispatch, then receipt), receipts in and out
 * ({@link io.tryx.protocol.client.messaging.ReceiptHandler}), retries both ways, sending
 * ({@link io.tryx.protocol.client.messaging.MessageSender}: usync, prekey bundles, per-device encryption committed
 * before the stanza leaves), the typed {@link io.tryx.protocol.client.messaging.MessageEvent}s, and the
 * ordered per-chat lanes ({@link io.tryx.protocol.client.messaging.OrderedLanes}) all of it runs on.
 */
package io.tryx.protocol.client.messaging;
