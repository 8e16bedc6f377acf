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
import io.tryx.protocol.proto.CommonProto;
import io.tryx.protocol.proto.E2EProto.Message;

import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code messages} namespace: {@code SendMessage} to 1:1 chats and groups with text, location or contact
 * cards, {@code SendReaction} (adding a reaction in a 1:1 chat) and {@code MarkRead}. Broadcast lists, media
 * (needs upload), reaction removal, edits and revokes (they need the stanza's {@code edit} attribute, which the
 * runtime's sender does not write yet) and played receipts answer {@code UNSUPPORTED}.
 */
final class MessageCommands implements NamespaceHandler {

    private final AccountHost host;
    private final InstantSource clock;

    MessageCommands(AccountHost host, InstantSource clock) {
        this.host = host;
        this.clock = clock;
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
            case EditMessage ignored -> throw CommandFailure.unsupported("editing needs the message stanza's edit "
                    + "attribute, which the protocol runtime cannot send yet");
            case RevokeMessage ignored -> throw CommandFailure.unsupported("revoking needs the message stanza's edit "
                    + "attribute, which the protocol runtime cannot send yet");
            default -> throw new IllegalArgumentException("not a messages action: " + command.getAction());
        };
    }

    private CompletableFuture<CommandSucceeded> send(Command command, SendMessage send) {
        Jid chat = sendTarget(send.getChat());
        String account = command.getAccount();
        Message message = switch (send.getContent()) {
            case TextContent text -> OutgoingMessages.text(text, send.getContext(), account);
            case LocationContent location -> OutgoingMessages.location(location, send.getContext(), account);
            case ContactsContent contacts -> OutgoingMessages.contacts(contacts, send.getContext(), account);
            default -> throw CommandFailure.unsupported("sending media (" + simpleName(send.getContent())
                    + ") needs media upload, which the bridge does not do yet");
        };
        if (send.getViewOnce()) {
            throw CommandFailure.invalid("viewOnce applies to image, video and audio only");
        }
        return connected(account).messaging().send(chat, message).thenApply(MessageCommands::sent);
    }

    private CompletableFuture<CommandSucceeded> react(Command command, SendReaction reaction) {
        if (reaction.getEmoji().isEmpty()) {
            throw CommandFailure.unsupported("removing a reaction needs the message stanza's edit attribute, which the "
                    + "protocol runtime cannot send yet");
        }
        MessageKey target = reaction.getMessage();
        Jid chat = userChat(target.getChat());
        Message message = Message.newBuilder().setReactionMessage(Message.ReactionMessage.newBuilder()
                .setKey(CommonProto.MessageKey.newBuilder().setRemoteJid(chat.toString()).setFromMe(target.getFromMe())
                        .setId(target.getId()))
                .setText(reaction.getEmoji())
                .setSenderTimestampMs(clock.millis())).build();
        return connected(command.getAccount()).messaging().send(chat, message).thenApply(MessageCommands::sent);
    }

    private CompletableFuture<CommandSucceeded> markRead(Command command, MarkRead read) {
        if (read.getPlayed()) {
            throw CommandFailure.unsupported("played receipts are not supported by the protocol runtime yet");
        }
        if (read.getMessageIds().isEmpty()) {
            throw CommandFailure.invalid("MarkRead needs at least one message id");
        }
        Jid chat = Jid.parse(read.getChat());
        Jid sender = read.getSender().map(Jid::parse).orElse(null);
        return connected(command.getAccount()).markRead(chat, sender, read.getMessageIds().toArray(String[]::new))
                .thenApply(ok -> CommandSucceeded.newBuilder().build());
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
            throw CommandFailure.unsupported("broadcast lists, and reactions in groups, are not supported by the "
                    + "protocol runtime yet: " + text);
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
