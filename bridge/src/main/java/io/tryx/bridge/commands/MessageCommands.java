package io.tryx.bridge.commands;

import io.tryx.bridge.accounts.AccountException;
import io.tryx.bridge.accounts.AccountHost;
import io.tryx.bridge.accounts.HostedAccount;
import io.tryx.common.v1.ContactsContent;
import io.tryx.common.v1.LocationContent;
import io.tryx.common.v1.MessageKey;
import io.tryx.common.v1.TextContent;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.messages.EditMessage;
import io.tryx.commands.v1.messages.MarkRead;
import io.tryx.commands.v1.messages.RevokeMessage;
import io.tryx.commands.v1.messages.SendMessage;
import io.tryx.commands.v1.messages.SendReaction;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.messaging.SendResult;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.MessageIds;
import io.tryx.protocol.proto.E2EProto.ContextInfo;
import io.tryx.protocol.proto.E2EProto.Message;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code messages} namespace: {@code SendMessage} to 1:1 chats and groups with text, location or contact
 * cards, {@code SendReaction} (adding or, with an empty emoji, removing our reaction; plain or encrypted with the
 * target's secret), {@code EditMessage} (our own
 * text), {@code RevokeMessage} (ours, or a member's as group admin) and {@code MarkRead} (read or played), in 1:1
 * chats and groups. Media (image, video, audio, document, sticker) goes through {@link MediaSender}. Broadcast
 * lists answer {@code UNSUPPORTED}. A text, location or contacts message goes out under an id derived from the
 * command ({@link #messageId}), so carrying the command out twice delivers it once.
 */
final class MessageCommands implements NamespaceHandler {

    private final AccountHost host;
    private final MediaSender media;

    MessageCommands(AccountHost host, MediaSender media) {
        this.host = host;
        this.media = media;
    }

    @Override
    public Set<Class<?>> actions() {
        return Set.of(SendMessage.class, SendReaction.class, EditMessage.class, RevokeMessage.class, MarkRead.class);
    }

    @Override
    public CompletableFuture<CommandSucceeded> handle(Command command) {
        return switch (command.getAction()) {
            case SendMessage send -> send(command, send);
            case SendReaction reaction -> react(command, reaction);
            case MarkRead read -> markRead(command, read);
            case EditMessage edit -> edit(command, edit);
            case RevokeMessage revoke -> revoke(command, revoke);
            default -> throw new IllegalArgumentException("not a messages action: " + command.getAction());
        };
    }

    private CompletableFuture<CommandSucceeded> send(Command command, SendMessage send) {
        Jid chat = sendTarget(send.getChat());
        String account = command.getAccount();
        if (MediaSender.isMedia(send.getContent())) {
            Optional<ContextInfo> context = send.getContext().map(c -> OutgoingMessages.contextInfo(c, account))
                    .filter(info -> !info.equals(ContextInfo.getDefaultInstance()));
            return media.send(connected(account), chat, send.getContent(), context, send.getViewOnce())
                    .thenApply(MessageCommands::sent);
        }
        Message message = switch (send.getContent()) {
            case TextContent text -> OutgoingMessages.text(text, send.getContext(), account);
            case LocationContent location -> OutgoingMessages.location(location, send.getContext(), account);
            case ContactsContent contacts -> OutgoingMessages.contacts(contacts, send.getContext(), account);
            default -> throw CommandFailure.invalid("unknown content " + simpleName(send.getContent()));
        };
        if (send.getViewOnce()) {
            throw CommandFailure.invalid("viewOnce applies to image, video and audio only");
        }
        return connected(account).messaging().send(chat, message, messageId(command))
                .thenApply(MessageCommands::sent);
    }

    /**
     * The WhatsApp message id of a command's message, derived from the account and the command id: a command carried
     * out again (after a crash before its result committed) sends its message under the same id, and recipients
     * drop the repeat.
     */
    static String messageId(Command command) {
        return MessageIds.derive(command.getAccount() + "|" + command.getCommandId());
    }

    private CompletableFuture<CommandSucceeded> react(Command command, SendReaction reaction) {
        Target target = target(reaction.getMessage());
        var messaging = connected(command.getAccount()).messaging();
        return (reaction.getEncrypted()
                ? messaging.reactEncrypted(target.chat(), target.sender(), target.id(), reaction.getEmoji())
                : messaging.react(target.chat(), target.sender(), target.id(), reaction.getEmoji()))
                .thenApply(MessageCommands::sent);
    }

    private CompletableFuture<CommandSucceeded> edit(Command command, EditMessage edit) {
        Target target = target(edit.getMessage());
        if (!edit.getMessage().getFromMe()) {
            throw CommandFailure.invalid("only our own messages can be edited");
        }
        if (edit.getText().isBlank()) {
            throw CommandFailure.invalid("EditMessage needs a non-blank text");
        }
        return connected(command.getAccount()).messaging().editText(target.chat(), target.id(), edit.getText())
                .thenApply(MessageCommands::sent);
    }

    private CompletableFuture<CommandSucceeded> revoke(Command command, RevokeMessage revoke) {
        Target target = target(revoke.getMessage());
        if (!revoke.getMessage().getFromMe() && !target.chat().isGroup()) {
            throw CommandFailure.invalid("in a 1:1 chat only our own messages can be revoked");
        }
        return connected(command.getAccount()).messaging().revoke(target.chat(), target.sender(), target.id())
                .thenApply(MessageCommands::sent);
    }

    private CompletableFuture<CommandSucceeded> markRead(Command command, MarkRead read) {
        if (read.getMessageIds().isEmpty()) {
            throw CommandFailure.invalid("MarkRead needs at least one message id");
        }
        Jid chat = sendTarget(read.getChat());
        Jid sender = read.getSender().map(MessageCommands::user).orElse(null);
        if (chat.isGroup() && sender == null) {
            throw CommandFailure.invalid("MarkRead in a group needs the messages' sender");
        }
        String[] ids = read.getMessageIds().toArray(String[]::new);
        var messaging = connected(command.getAccount()).messaging();
        return (read.getPlayed() ? messaging.markPlayed(chat, sender, ids) : messaging.markRead(chat, sender, ids))
                .thenApply(ok -> CommandSucceeded.newBuilder().build());
    }

    /** The message a key names: its chat (1:1 or group), its author (null when ours) and id. */
    private static Target target(MessageKey key) {
        if (key.getId().isBlank()) {
            throw CommandFailure.invalid("the message key needs an id");
        }
        Jid chat = sendTarget(key.getChat());
        Jid sender = null;
        if (!key.getFromMe() && chat.isGroup()) {
            sender = user(key.getSender().orElseThrow(() -> CommandFailure.invalid(
                    "a group message key of another member needs its sender")));
        } else if (!key.getFromMe()) {
            sender = chat;
        }
        return new Target(chat, sender, key.getId());
    }

    private record Target(Jid chat, Jid sender, String id) {
    }

    private static Jid user(String text) {
        Jid jid = Jid.parse(text);
        if (!(jid.isPhoneUser() || jid.isLid()) || jid.user().isEmpty()) {
            throw CommandFailure.invalid("not a user JID: " + text);
        }
        return jid.toNonAd();
    }

    private WhatsAppClient connected(String account) {
        HostedAccount hosted = host.find(account).orElseThrow(() -> new AccountException(
                AccountException.Reason.UNKNOWN_ACCOUNT, "the bridge does not host account " + account));
        return hosted.connectedClient().orElseThrow(() -> new AccountException(AccountException.Reason.NOT_CONNECTED,
                "account " + account + " is not connected (" + hosted.state() + ")"));
    }

    /** A 1:1 chat or a group (the runtime sends to groups with sender keys); broadcast lists are refused. */
    private static Jid sendTarget(String text) {
        Jid chat = Jid.parse(text);
        if (chat.isGroup() && !chat.user().isEmpty()) {
            return chat;
        }
        return userChat(text);
    }

    /** A 1:1 chat JID; groups and broadcasts are refused with a reason. */
    private static Jid userChat(String text) {
        Jid chat = Jid.parse(text);
        if (chat.isStatusBroadcast()) {
            throw CommandFailure.invalid("status@broadcast is not a chat: use PostStatus");
        }
        if (chat.isGroup() || chat.isBroadcastList()) {
            throw CommandFailure.unsupported("broadcast lists are not supported by the protocol runtime yet: " + text);
        }
        if (!(chat.isPhoneUser() || chat.isLid()) || chat.user().isEmpty()) {
            throw CommandFailure.invalid("not a user chat: " + text);
        }
        return chat.toNonAd();
    }

    private static CommandSucceeded sent(SendResult result) {
        return CommandSucceeded.newBuilder().setMessageId(result.id()).setServerTimestamp(result.serverTimestamp()).build();
    }

    private static String simpleName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
