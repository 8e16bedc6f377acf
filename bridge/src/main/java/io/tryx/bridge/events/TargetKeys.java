package io.tryx.bridge.events;

import io.tryx.common.v1.MessageKey;
import io.tryx.protocol.client.messaging.MessageInfo;
import io.tryx.protocol.proto.CommonProto;

/**
 * Turns the key a message names another message by (a reaction's, an edit's, a revoke's target) into the
 * contract's {@link MessageKey}, seen from our account. The protobuf key is written from the sender's side: its
 * {@code fromMe} means "sent by the sender of this message" and, in 1:1 chats, its {@code remoteJid} is the
 * sender's peer (us). So the chat is always the chat the message arrived in; in groups the author is the key's
 * {@code participant} (or the sender itself when the key says {@code fromMe}).
 */
final class TargetKeys {

    private TargetKeys() {
    }

    static MessageKey resolve(CommonProto.MessageKey key, MessageInfo info, EventOrigin origin) {
        MessageKey.Builder target = MessageKey.newBuilder().setChat(info.chat().toString()).setId(key.getId());
        if (info.group()) {
            String author = !key.getParticipant().isEmpty() ? key.getParticipant()
                    : key.getFromMe() ? info.sender().toNonAd().toString() : null;
            return target.setFromMe(origin.isOwn(author)).setSender(author).build();
        }
        return target.setFromMe(info.fromMe() == key.getFromMe()).build();
    }
}
