package io.tryx.protocol.client.appstate;

import io.tryx.protocol.jid.Jid;

import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * App-state writes about the account itself and its address book, as WhatsApp keeps them in the critical
 * collections: the push name ({@code setting_pushName} in {@code critical_block}, how WhatsApp Web and Baileys set
 * it for the account's devices) and contacts ({@code contact} in {@code critical_unblock_low}: the names the account
 * saved for a user). Each call uploads one patch like {@link ChatActions} and completes once the server stored it and
 * the local state (version, LTHash) moved on; the change is also reported to the {@link ChatSyncListener}s.
 * Thread-safe.
 */
public final class AccountActions {

    private final Function<AppStateActions.PatchRequest, CompletableFuture<Void>> upload;
    private final InstantSource clock;

    AccountActions(Function<AppStateActions.PatchRequest, CompletableFuture<Void>> upload, InstantSource clock) {
        this.upload = upload;
        this.clock = clock;
    }

    /** Sets the account's push name for all its devices (peers see it with the next presence or message). */
    public CompletableFuture<Void> setPushName(String name) {
        return upload.apply(AppStateActions.pushName(name, clock.millis()));
    }

    /** Saves {@code user} in the address book as {@code fullName} ({@code firstName} may be null). */
    public CompletableFuture<Void> saveContact(Jid user, String fullName, String firstName) {
        return upload.apply(AppStateActions.contact(user, fullName, firstName, clock.millis()));
    }

    /** Removes {@code user} from the address book. */
    public CompletableFuture<Void> removeContact(Jid user) {
        return upload.apply(AppStateActions.removeContact(user, clock.millis()));
    }
}
