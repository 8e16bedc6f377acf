/**
 * What arrives about the account's social surface, as typed {@link io.tryx.protocol.client.updates.UpdateEvent}s:
 * presence and chat-state stanzas, push names on incoming messages, and the {@code picture}, {@code status},
 * {@code privacy_token} and {@code account_sync} (privacy, blocklist, disappearing mode) notifications.
 */
package io.tryx.protocol.client.updates;
