/** The presence namespace: this account's availability and subscriptions to others' ({@code <presence>} stanzas). */
package io.tryx.protocol.client.presence;
