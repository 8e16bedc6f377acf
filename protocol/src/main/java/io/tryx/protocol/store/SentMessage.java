package io.tryx.protocol.store;

import java.util.Objects;

/**
 * A message we sent, kept for a while so a peer's retry receipt can be answered by encrypting it again.
 *
 * @param chat         where it was sent
 * @param id           its message id
 * @param message      the serialized E2E {@code Message} protobuf (unpadded)
 * @param sentAtMillis when it was sent, for pruning
 */
public record SentMessage(io.tryx.protocol.jid.Jid chat, String id, byte[] message, long sentAtMillis) {

    public SentMessage {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(id, "id");
        message = Objects.requireNonNull(message, "message").clone();
    }

    @Override
    public byte[] message() {
        return message.clone();
    }
}
