package io.tryx.protocol.client.appstate;

import io.tryx.protocol.jid.Jid;

import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The account's labels (WhatsApp Business chat labels), which live in the {@code regular} app-state collection:
 * a label ({@code label_edit}: id, name, colour index, deleted) and its associations with chats ({@code label_jid})
 * and messages ({@code label_message}). Label ids are the account's own short strings (WhatsApp numbers them
 * {@code "1"}, {@code "2"}, ...); the caller picks a new one to create a label. Each call uploads one patch like
 * {@link ChatActions} and completes once the server stored it and the local state (version, LTHash) moved on; the
 * change is also reported to the {@link ChatSyncListener}s. Thread-safe.
 */
public final class Labels {

    private final Function<AppStateActions.PatchRequest, CompletableFuture<Void>> upload;
    private final InstantSource clock;

    Labels(Function<AppStateActions.PatchRequest, CompletableFuture<Void>> upload, InstantSource clock) {
        this.upload = upload;
        this.clock = clock;
    }

    /** Creates the label {@code labelId}, or renames and recolours it ({@code color}: WhatsApp's palette index). */
    public CompletableFuture<Void> save(String labelId, String name, int color) {
        return upload.apply(AppStateActions.labelEdit(labelId, name, color, false, clock.millis()));
    }

    /** Deletes the label {@code labelId} (its last {@code name} and {@code color} go with the deletion, as WhatsApp writes it). */
    public CompletableFuture<Void> delete(String labelId, String name, int color) {
        return upload.apply(AppStateActions.labelEdit(labelId, name, color, true, clock.millis()));
    }

    /** Puts the label on {@code chat} ({@code labeled}) or takes it off. */
    public CompletableFuture<Void> labelChat(String labelId, Jid chat, boolean labeled) {
        return upload.apply(AppStateActions.labelChat(labelId, chat, labeled, clock.millis()));
    }

    /** Puts the label on the message {@code messageId} of {@code chat} ({@code labeled}) or takes it off. */
    public CompletableFuture<Void> labelMessage(String labelId, Jid chat, String messageId, boolean labeled) {
        return upload.apply(AppStateActions.labelMessage(labelId, chat, messageId, labeled, clock.millis()));
    }
}
