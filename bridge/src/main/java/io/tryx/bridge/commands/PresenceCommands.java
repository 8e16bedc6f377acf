package io.tryx.bridge.commands;

import io.tryx.bridge.accounts.AccountHost;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.presence.SendChatState;
import io.tryx.commands.v1.presence.SetPresence;
import io.tryx.commands.v1.presence.SubscribePresence;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.chatstate.ChatState;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static io.tryx.bridge.commands.AccountClients.chat;
import static io.tryx.bridge.commands.AccountClients.checked;
import static io.tryx.bridge.commands.AccountClients.user;

/**
 * The {@code presence} namespace: {@code SendChatState} sends typing / recording / paused to a user or group,
 * {@code SetPresence} announces the account available or unavailable (both complete once the stanza is written: the
 * server answers neither), {@code SubscribePresence} subscribes to a user's presence and completes once the server
 * gave the first one (that and later changes arrive as {@code PresenceEvent}s; no answer in time is {@code TIMEOUT}).
 */
final class PresenceCommands implements NamespaceHandler {

    private final AccountHost host;

    PresenceCommands(AccountHost host) {
        this.host = host;
    }

    @Override
    public Set<Class<?>> actions() {
        return Set.of(SendChatState.class, SetPresence.class, SubscribePresence.class);
    }

    @Override
    public CompletableFuture<CommandSucceeded> handle(Command command) {
        WhatsAppClient client = AccountClients.connected(host, command.getAccount());
        return switch (command.getAction()) {
            case SendChatState state -> done(checked(() -> client.chatState().send(chat(state.getChat()),
                    chatState(state.getState()))));
            case SetPresence presence -> done(switch (presence.getState()) {
                case AVAILABLE -> client.presence().setAvailable();
                case UNAVAILABLE -> client.presence().setUnavailable();
                case UNKNOWN -> throw CommandFailure.invalid("SetPresence needs AVAILABLE or UNAVAILABLE");
            });
            case SubscribePresence subscribe -> checked(() -> client.presence().subscribe(user(subscribe.getUser())))
                    .thenApply(first -> CommandSucceeded.newBuilder().build());
            default -> throw new IllegalArgumentException("not a presence action: " + command.getAction());
        };
    }

    private static ChatState chatState(io.tryx.common.v1.ChatState state) {
        return switch (state) {
            case COMPOSING -> ChatState.COMPOSING;
            case RECORDING -> ChatState.RECORDING;
            case PAUSED -> ChatState.PAUSED;
            case UNKNOWN -> throw CommandFailure.invalid("SendChatState needs COMPOSING, RECORDING or PAUSED");
        };
    }

    static CompletableFuture<CommandSucceeded> done(CompletableFuture<?> work) {
        return work.thenApply(ignored -> CommandSucceeded.newBuilder().build());
    }
}
