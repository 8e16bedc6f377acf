package io.tryx.bridge.events;

import io.tryx.common.v1.MessageKey;
import io.tryx.events.v1.MessageEvent;
import io.tryx.events.v1.PollVoteContent;
import io.tryx.protocol.client.messaging.MessageEvent.MessageReceived;
import io.tryx.protocol.client.messaging.MessageEvent.PollVoteReceived;
import io.tryx.protocol.client.messaging.MessageInfo;
import io.tryx.protocol.client.newsletter.NewsletterEvent;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Maps a decrypted message ({@link MessageReceived}) to a {@link MessageEvent}: the key and header from the
 * stanza's {@link MessageInfo}, the content union from the E2E {@code Message} after removing its wrappers
 * (ephemeral, view-once, ...), the reply/mention/forwarding context of the content, and the view-once flag. The
 * event id is derived from account, chat and message id, so the same message seen twice gets the same id.
 */
public final class MessageEventMapper {

    public MessageEvent map(EventOrigin origin, MessageReceived received) {
        MessageInfo info = received.info();
        Wrappers.Unwrapped unwrapped = Wrappers.unwrap(received.message());
        return header(origin, info)
                .setContent(ContentMapper.content(unwrapped.message(), info, origin))
                .setContext(ContextMapper.context(unwrapped.message(), info, origin))
                .setViewOnce(unwrapped.viewOnce())
                .build();
    }

    /** A decrypted poll vote: a message whose content is the voter's current selection, by option text. */
    public MessageEvent map(EventOrigin origin, PollVoteReceived vote) {
        MessageKey poll = MessageKey.newBuilder()
                .setChat(vote.poll().chat().toString())
                .setId(vote.poll().id())
                .setFromMe(origin.isOwn(vote.poll().sender().toString()))
                .setSender(vote.poll().chat().isGroup() ? vote.poll().sender().toString() : null)
                .build();
        return header(origin, vote.info())
                .setContent(PollVoteContent.newBuilder().setPoll(poll).setSelectedOptions(vote.selectedOptions()).build())
                .setContext(io.tryx.common.v1.MessageContext.newBuilder().build())
                .setViewOnce(false)
                .build();
    }

    /**
     * A newsletter post: a message of the newsletter's chat (newsletters are one-to-many and not end-to-end
     * encrypted), with the post's server id, which reactions to it name.
     */
    public MessageEvent map(EventOrigin origin, NewsletterEvent.PostReceived post) {
        String id = post.id() == null || post.id().isBlank() ? "server-" + post.serverId() : post.id();
        Instant at = post.at() == null ? Instant.EPOCH : post.at();
        MessageInfo info = new MessageInfo(id, post.newsletter(), post.newsletter(), null, false, false, at, "", "",
                "", false);
        Wrappers.Unwrapped unwrapped = Wrappers.unwrap(post.message());
        return header(origin, info)
                .setContent(ContentMapper.content(unwrapped.message(), info, origin))
                .setContext(ContextMapper.context(unwrapped.message(), info, origin))
                .setViewOnce(unwrapped.viewOnce())
                .setNewsletterServerId(post.serverId() > 0 ? post.serverId() : null)
                .build();
    }

    private static MessageEvent.Builder header(EventOrigin origin, MessageInfo info) {
        String chat = info.chat().toString();
        Instant timestamp = info.timestamp().truncatedTo(ChronoUnit.MILLIS);
        MessageKey key = MessageKey.newBuilder()
                .setChat(chat)
                .setId(info.id())
                .setFromMe(info.fromMe())
                .setSender(info.group() ? info.sender().toNonAd().toString() : null)
                .build();
        return MessageEvent.newBuilder()
                .setEventId(EventIds.derive(origin.account(), chat, info.id(), EventKind.MESSAGE))
                .setAccount(origin.account())
                .setChat(chat)
                .setTimestamp(timestamp)
                .setSource(origin.source(timestamp))
                .setKey(key)
                .setPushName(info.pushName().isEmpty() ? null : info.pushName());
    }
}
