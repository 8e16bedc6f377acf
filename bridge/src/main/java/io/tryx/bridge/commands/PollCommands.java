package io.tryx.bridge.commands;

import io.tryx.bridge.accounts.AccountException;
import io.tryx.bridge.accounts.AccountHost;
import io.tryx.bridge.accounts.HostedAccount;
import io.tryx.common.v1.MessageKey;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.polls.CreatePoll;
import io.tryx.commands.v1.polls.VotePoll;
import io.tryx.protocol.client.messaging.SendResult;
import io.tryx.protocol.client.polls.PollException;
import io.tryx.protocol.client.polls.Polls;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.MessageRef;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code polls} namespace: {@code CreatePoll} posts a poll (the result carries its message id) and
 * {@code VotePoll} votes on a poll the account sent or received, by option text. A poll the account never saw, or an
 * option it does not have, is {@code INVALID} with the reason; votes others cast arrive decrypted as message events.
 * A reply or mention context on a poll is refused ({@code UNSUPPORTED}) rather than dropped.
 */
final class PollCommands implements NamespaceHandler {

    private final AccountHost host;

    PollCommands(AccountHost host) {
        this.host = host;
    }

    @Override
    public Set<Class<?>> actions() {
        return Set.of(CreatePoll.class, VotePoll.class);
    }

    @Override
    public CompletableFuture<CommandSucceeded> handle(Command command) {
        Polls polls = polls(command.getAccount());
        return switch (command.getAction()) {
            case CreatePoll create -> {
                if (create.getContext().isPresent()) {
                    throw CommandFailure.unsupported("polls are sent without reply or mention context");
                }
                Jid chat = chat(create.getChat());
                try {
                    yield polls.create(chat, create.getName(), create.getOptions(), create.getSelectableCount())
                            .thenApply(PollCommands::sent);
                } catch (IllegalArgumentException e) {
                    throw CommandFailure.invalid(e.getMessage());
                }
            }
            case VotePoll vote -> polls.vote(poll(vote.getPoll(), command.getAccount()), vote.getSelectedOptions())
                    .exceptionallyCompose(PollCommands::invalidIfRefused)
                    .thenApply(PollCommands::sent);
            default -> throw new IllegalArgumentException("not a polls action: " + command.getAction());
        };
    }

    private Polls polls(String account) {
        HostedAccount hosted = host.find(account).orElseThrow(() -> new AccountException(
                AccountException.Reason.UNKNOWN_ACCOUNT, "the bridge does not host account " + account));
        return hosted.connectedClient().orElseThrow(() -> new AccountException(AccountException.Reason.NOT_CONNECTED,
                "account " + account + " is not connected (" + hosted.state() + ")")).polls();
    }

    /** The poll a key names as the runtime stores it: chat, author (our account when fromMe) and id. */
    private MessageRef poll(MessageKey key, String account) {
        Jid chat = chat(key.getChat());
        Jid author;
        if (key.getFromMe()) {
            HostedAccount hosted = host.find(account).orElseThrow();
            author = hosted.connectedClient().flatMap(c -> c.session().credentials()).map(c -> c.deviceJid().toNonAd())
                    .orElseThrow(() -> CommandFailure.invalid("account " + account + " has no identity yet"));
        } else if (chat.isGroup()) {
            author = Jid.parse(key.getSender().orElseThrow(() -> CommandFailure.invalid(
                    "a group poll of another member needs its sender"))).toNonAd();
        } else {
            author = chat;
        }
        return new MessageRef(chat, author, key.getId());
    }

    private static Jid chat(String text) {
        Jid chat = Jid.parse(text);
        if (chat.isGroup() && !chat.user().isEmpty()) {
            return chat;
        }
        if (!(chat.isPhoneUser() || chat.isLid()) || chat.user().isEmpty()) {
            throw CommandFailure.invalid("not a chat a poll can be in: " + text);
        }
        return chat.toNonAd();
    }

    private static CompletableFuture<SendResult> invalidIfRefused(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return CompletableFuture.failedFuture(cause instanceof PollException refused
                ? CommandFailure.invalid(refused.getMessage()) : cause);
    }

    private static CommandSucceeded sent(SendResult result) {
        return CommandSucceeded.newBuilder().setMessageId(result.id()).setServerTimestamp(result.serverTimestamp()).build();
    }
}
