package io.tryx.protocol.client.messaging;

import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.AccountState;
import io.tryx.protocol.store.MessageRef;
import io.tryx.protocol.store.StoredSecret;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the stored secret of a message that a later one refers to (a poll its votes, a message its encrypted
 * reactions). WhatsApp is moving users from phone-number to LID addressing, so the author may be named in either
 * form: each lookup tries the form given and then the other one when the mapping is known.
 */
public final class SecretLookup {

    /** A stored secret and the author form it was found under (the one its keys were derived with). */
    public record Found(StoredSecret secret, Jid author) {
    }

    private final AccountState store;

    public SecretLookup(AccountState store) {
        this.store = store;
    }

    /** Every stored secret of message {@code id} in {@code chat} by {@code author}, the given form first. */
    public List<Found> all(Jid chat, Jid author, String id) {
        List<Found> found = new ArrayList<>();
        for (Jid form : forms(author)) {
            store.storedSecret(new MessageRef(chat, form, id)).ifPresent(secret -> found.add(new Found(secret, form)));
        }
        return found;
    }

    /** The first of {@link #all}. */
    public Optional<Found> first(Jid chat, Jid author, String id) {
        return all(chat, author, id).stream().findFirst();
    }

    /** {@code user} (without device) and, when the mapping is known, its other addressing form. */
    public List<Jid> forms(Jid user) {
        Jid plain = user.toNonAd();
        List<Jid> forms = new ArrayList<>(List.of(plain));
        (plain.isLid() ? store.phoneForLid(plain) : store.lidForPhone(plain)).ifPresent(forms::add);
        return forms;
    }
}
