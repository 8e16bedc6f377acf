package io.tryx.protocol.client.messaging;

import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.store.MessageRef;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What messaging reports to its {@link MessageListener}s: messages, receipts, messages that could not be
 * decrypted and group changes ({@link GroupEvent}). Events of one chat arrive in order; different chats are reported in parallel.
 */
public sealed interface MessageEvent permits MessageEvent.MessageReceived, MessageEvent.ReceiptReceived,
        MessageEvent.UndecryptableMessage, MessageEvent.PollVoteReceived, GroupEvent {

    /**
     * A decrypted message. For our own other devices' copies ({@link MessageInfo#fromMe()}) the
     * {@code deviceSentMessage} wrapper is already removed and the chat is its destination.
     */
    record MessageReceived(MessageInfo info, E2EProto.Message message) implements MessageEvent {
        public MessageReceived {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(message, "message");
        }

        /** The text of a {@code conversation} or {@code extendedTextMessage}, empty if the message has none. */
        public String text() {
            return message.hasExtendedTextMessage() ? message.getExtendedTextMessage().getText() : message.getConversation();
        }
    }

    /**
     * A receipt for messages: {@code chat} is the conversation, {@code sender} the device that sent the receipt,
     * {@code ids} the messages it covers (at least one).
     */
    record ReceiptReceived(ReceiptType type, Jid chat, Jid sender, List<String> ids, Instant timestamp, boolean fromMe)
            implements MessageEvent {
        public ReceiptReceived {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(sender, "sender");
            ids = List.copyOf(ids);
            Objects.requireNonNull(timestamp, "timestamp");
        }
    }

    /**
     * A vote on a poll this account sent or received, decrypted: {@code selectedOptions} is the voter's whole
     * current selection by text (empty: the vote was withdrawn), in the poll's order; {@code pollOptions} are all
     * the poll's options, so a tally needs nothing else.
     */
    record PollVoteReceived(MessageInfo info, MessageRef poll, String pollName, List<String> pollOptions,
                            List<String> selectedOptions, Instant votedAt) implements MessageEvent {
        public PollVoteReceived {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(poll, "poll");
            pollName = pollName == null ? "" : pollName;
            pollOptions = List.copyOf(pollOptions);
            selectedOptions = List.copyOf(selectedOptions);
            Objects.requireNonNull(votedAt, "votedAt");
        }
    }

    /** A message that could not be decrypted; a retry receipt asked the sender to send it again. */
    record UndecryptableMessage(MessageInfo info, DecryptFailure reason, String detail) implements MessageEvent {
        public UndecryptableMessage {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(reason, "reason");
            detail = detail == null ? "" : detail;
        }
    }
}
