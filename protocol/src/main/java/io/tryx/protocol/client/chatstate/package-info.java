/** The chat-state namespace: typing and recording indicators sent to a chat ({@code <chatstate>} stanzas). */
package io.tryx.protocol.client.chatstate;
