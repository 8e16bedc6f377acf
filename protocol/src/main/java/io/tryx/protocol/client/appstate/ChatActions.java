package io.tryx.protocol.client.appstate;

import io.tryx.protocol.jid.Jid;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The account's chat actions that live in app state: archive, pin, mute, mark read, star, delete for me, delete
 * chat, clear chat. Each is one mutation patch encrypted with our newest app-state key and uploaded; the future completes once
 * the server stored it and the local state (version, LTHash) moved on, and the change is also reported to the
 * {@link ChatSyncListener}s. Failures: {@link AppStateException} (no key yet, refused), or the connection's errors.
 * Chats are user or group JIDs without device; invalid arguments throw at once. Thread-safe.
 */
public final class ChatActions {

    private final Function<AppStateActions.PatchRequest, CompletableFuture<Void>> upload;
    private final InstantSource clock;

    ChatActions(Function<AppStateActions.PatchRequest, CompletableFuture<Void>> upload, InstantSource clock) {
        this.upload = upload;
        this.clock = clock;
    }

    /** Archives a chat (also unpinning it) or unarchives it. */
    public CompletableFuture<Void> archive(Jid chat, boolean archived) {
        return upload.apply(AppStateActions.archive(chat, archived, now()));
    }

    public CompletableFuture<Void> pin(Jid chat, boolean pinned) {
        return upload.apply(AppStateActions.pin(chat, pinned, now()));
    }

    /** Mutes a chat until {@code until}; null mutes it forever. */
    public CompletableFuture<Void> mute(Jid chat, Instant until) {
        return upload.apply(AppStateActions.mute(chat, true, until == null ? -1 : until.toEpochMilli(), now()));
    }

    public CompletableFuture<Void> unmute(Jid chat) {
        return upload.apply(AppStateActions.mute(chat, false, 0, now()));
    }

    /** Marks a chat read, or unread (the unread badge). */
    public CompletableFuture<Void> markRead(Jid chat, boolean read) {
        return upload.apply(AppStateActions.markRead(chat, read, now()));
    }

    /**
     * Stars or unstars a message: {@code participant} is the sender of a group message we did not send (else
     * ignored, may be null).
     */
    public CompletableFuture<Void> star(Jid chat, String messageId, boolean fromMe, Jid participant, boolean starred) {
        return upload.apply(AppStateActions.star(chat, messageId, fromMe, participant, starred, now()));
    }

    /** Deletes a message on this account's devices only; {@code sentAt} is the message's timestamp. */
    public CompletableFuture<Void> deleteForMe(Jid chat, String messageId, boolean fromMe, Jid participant,
                                               Instant sentAt, boolean deleteMedia) {
        Objects.requireNonNull(sentAt, "sentAt");
        return upload.apply(AppStateActions.deleteForMe(chat, messageId, fromMe, participant, sentAt.getEpochSecond(),
                deleteMedia, now()));
    }

    /** Deletes a chat (and its media when {@code deleteMedia}). */
    public CompletableFuture<Void> deleteChat(Jid chat, boolean deleteMedia) {
        return upload.apply(AppStateActions.deleteChat(chat, deleteMedia, now()));
    }

    /** Clears a chat's messages, keeping the chat (and its starred messages when {@code keepStarred}). */
    public CompletableFuture<Void> clearChat(Jid chat, boolean keepStarred, boolean deleteMedia) {
        return upload.apply(AppStateActions.clearChat(chat, keepStarred, deleteMedia, now()));
    }

    private long now() {
        return clock.millis();
    }
}
