package io.tryx.bridge.commands;

import io.tryx.bridge.accounts.AccountHost;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.chatactions.ArchiveChat;
import io.tryx.commands.v1.chatactions.ClearChat;
import io.tryx.commands.v1.chatactions.DeleteChat;
import io.tryx.commands.v1.chatactions.DeleteMessageForMe;
import io.tryx.commands.v1.chatactions.MarkChatRead;
import io.tryx.commands.v1.chatactions.MuteChat;
import io.tryx.commands.v1.chatactions.PinChat;
import io.tryx.commands.v1.chatactions.StarMessage;
import io.tryx.common.v1.MessageKey;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.appstate.ChatActions;
import io.tryx.protocol.jid.Jid;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static io.tryx.bridge.commands.AccountClients.chat;
import static io.tryx.bridge.commands.AccountClients.checked;
import static io.tryx.bridge.commands.PresenceCommands.done;

/**
 * The {@code chatactions} namespace: each action is one app-state patch through the account's {@link ChatActions},
 * done once the server stored it (the account's other devices then apply it, and the bridge publishes it as a
 * {@code ChatActionEvent} like any other device's). {@code DeleteMessageForMe} needs the message's {@code sentAt}
 * (WhatsApp names the message by it); without it, or with a group message of someone else without {@code sender}, the
 * command is {@code INVALID_COMMAND}. Without an app-state key from the phone yet, the result is a retryable
 * {@code SERVER_ERROR}.
 */
final class ChatActionCommands implements NamespaceHandler {

    private final AccountHost host;

    ChatActionCommands(AccountHost host) {
        this.host = host;
    }

    @Override
    public Set<Class<?>> actions() {
        return Set.of(ArchiveChat.class, PinChat.class, MuteChat.class, MarkChatRead.class, StarMessage.class,
                DeleteMessageForMe.class, DeleteChat.class, ClearChat.class);
    }

    @Override
    public CompletableFuture<CommandSucceeded> handle(Command command) {
        WhatsAppClient client = AccountClients.connected(host, command.getAccount());
        ChatActions actions = client.chatActions();
        return done(checked(() -> switch (command.getAction()) {
            case ArchiveChat archive -> actions.archive(chat(archive.getChat()), archive.getArchived());
            case PinChat pin -> actions.pin(chat(pin.getChat()), pin.getPinned());
            case MuteChat mute -> mute.getMuted() ? actions.mute(chat(mute.getChat()), mute.getMutedUntil().orElse(null))
                    : actions.unmute(chat(mute.getChat()));
            case MarkChatRead read -> actions.markRead(chat(read.getChat()), read.getRead());
            case StarMessage star -> {
                Target target = Target.of(star.getMessage());
                yield actions.star(target.chat(), target.id(), target.fromMe(), target.sender(), star.getStarred());
            }
            case DeleteMessageForMe delete -> {
                Target target = Target.of(delete.getMessage());
                Instant sentAt = delete.getSentAt().orElseThrow(() -> CommandFailure.invalid(
                        "DeleteMessageForMe needs the message's sentAt"));
                yield actions.deleteForMe(target.chat(), target.id(), target.fromMe(), target.sender(), sentAt,
                        delete.getDeleteMedia());
            }
            case DeleteChat delete -> actions.deleteChat(chat(delete.getChat()), delete.getDeleteMedia());
            case ClearChat clear -> actions.clearChat(chat(clear.getChat()), clear.getKeepStarred(), false);
            default -> throw new IllegalArgumentException("not a chat action: " + command.getAction());
        }));
    }

    /** The message a star or delete names, checked. */
    private record Target(Jid chat, String id, boolean fromMe, Jid sender) {

        static Target of(MessageKey key) {
            Jid chat = AccountClients.chat(key.getChat());
            if (key.getId().isBlank()) {
                throw CommandFailure.invalid("the message key has no id");
            }
            Jid sender = key.getSender().filter(s -> !s.isBlank()).map(AccountClients::user).orElse(null);
            if (chat.isGroup() && !key.getFromMe() && sender == null) {
                throw CommandFailure.invalid("a group message of someone else needs its sender");
            }
            return new Target(chat, key.getId(), key.getFromMe(), sender);
        }
    }
}
