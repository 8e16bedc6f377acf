package io.tryx.protocol.client.history;

import io.tryx.protocol.client.messaging.MessageInfo;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.proto.WebProto.WebMessageInfo;

import java.util.Objects;

/**
 * A past message from history sync, in the shape of a live one: {@link MessageInfo} (id, chat, sender, fromMe,
 * timestamp, push name; category {@code history}) and the E2E {@code Message} (the default instance for system
 * messages without content), plus the delivery status the phone recorded and the stub type of system messages.
 */
public record HistoryMessage(MessageInfo info, E2EProto.Message message, WebMessageInfo.Status status,
                             WebMessageInfo.StubType stubType) {

    /** The {@link MessageInfo#category()} of history messages. */
    public static final String CATEGORY = "history";

    public HistoryMessage {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stubType, "stubType");
    }

    /** The plain text of a text message ({@code conversation} or extended text), else empty. */
    public String text() {
        if (message.hasConversation()) {
            return message.getConversation();
        }
        return message.hasExtendedTextMessage() ? message.getExtendedTextMessage().getText() : "";
    }
}
