package io.tryx.protocol.client.messaging;

import io.tryx.protocol.proto.E2EProto;

/**
 * Takes decrypted messages that are meant for the runtime rather than the user: peer protocol messages such as
 * app-state key shares and history-sync notifications from our own phone. A message a consumer takes is not
 * reported as {@link MessageEvent.MessageReceived}. Called on the chat's lane, before the message is marked handled
 * and acknowledged: a consumer that throws leaves the message for redelivery, so it should persist what it needs
 * before returning and do long work (downloads) asynchronously from what it persisted.
 */
@FunctionalInterface
public interface PeerMessageConsumer {

    /** Returns true when it took the message (it is then not dispatched to the message listeners). */
    boolean consume(MessageInfo info, E2EProto.Message message);
}
