package io.tryx.protocol.client.chatstate;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.iq.IqCalls;
import io.tryx.protocol.jid.Jid;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sends this account's chat state to a chat (a user or a group): {@code <chatstate to><composing/>|<composing
 * media="audio"/>|<paused/></chatstate>}. The server relays it to the other side's online devices (never queued,
 * never answered), so each call completes once the stanza is written; the other side reports it as
 * {@link io.tryx.protocol.client.updates.UpdateEvent.ChatStateChanged}. Thread-safe.
 */
public final class ChatStates {

    private final IqCalls calls;

    public ChatStates(IqCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    /** Typing in {@code chat}. */
    public CompletableFuture<Void> composing(Jid chat) {
        return send(chat, ChatState.COMPOSING);
    }

    /** Recording a voice note in {@code chat}. */
    public CompletableFuture<Void> recording(Jid chat) {
        return send(chat, ChatState.RECORDING);
    }

    /** Stopped typing or recording in {@code chat}. */
    public CompletableFuture<Void> paused(Jid chat) {
        return send(chat, ChatState.PAUSED);
    }

    /** Sends {@code state} to {@code chat}. */
    public CompletableFuture<Void> send(Jid chat, ChatState state) {
        Jid to = Objects.requireNonNull(chat, "chat").toNonAd();
        if (!to.isPhoneUser() && !to.isLid() && !to.isGroup()) {
            throw new IllegalArgumentException("chat states go to users and groups, not " + chat);
        }
        Node child = switch (Objects.requireNonNull(state, "state")) {
            case COMPOSING -> Node.of("composing");
            case RECORDING -> Node.builder("composing").attr("media", "audio").build();
            case PAUSED -> Node.of("paused");
        };
        return calls.send(Node.builder("chatstate").attr("to", to).children(child).build());
    }

    /** Reads a {@code <chatstate>}'s child: {@code composing} (with {@code media="audio"}: recording) or {@code paused}. */
    public static Optional<ChatState> parse(Node child) {
        return switch (child.tag()) {
            case "composing" -> Optional.of(child.attrs().optionalString("media").filter("audio"::equals).isPresent()
                    ? ChatState.RECORDING : ChatState.COMPOSING);
            case "paused" -> Optional.of(ChatState.PAUSED);
            default -> Optional.empty();
        };
    }
}
