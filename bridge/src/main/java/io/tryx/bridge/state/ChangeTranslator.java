package io.tryx.bridge.state;

import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.BufferedPlaintext;
import io.tryx.protocol.store.StateChange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns an operation's {@link StateChange}s into changelog {@link StateOp}s against the current state: each change
 * is resolved as if the ones before it in the list were applied (an account clear becomes a tombstone for every
 * live key, a prune one per expired entry, a LID re-pairing a tombstone for the old pairing, a handled marker the
 * buffered entry without its plaintext). Later ops on the same key replace earlier ones, so the result is one op
 * per key, in first-touched order. The state itself is not changed.
 */
final class ChangeTranslator {

    private final MaterializedState base;
    private final Map<String, StateOp> staged = new LinkedHashMap<>();

    private ChangeTranslator(MaterializedState base) {
        this.base = base;
    }

    /** The ops that take {@code base} to its state after {@code changes}. */
    static List<StateOp> translate(MaterializedState base, List<StateChange> changes) {
        ChangeTranslator translator = new ChangeTranslator(base);
        changes.forEach(translator::add);
        return List.copyOf(translator.staged.values());
    }

    private Optional<StateEntry> current(String key) {
        StateOp op = staged.get(key);
        return op != null ? op.value() : base.get(key);
    }

    private <T extends StateEntry> Optional<T> current(String key, Class<T> kind) {
        return current(key).filter(kind::isInstance).map(kind::cast);
    }

    private void put(StateEntry entry) {
        staged.put(entry.key(), StateOp.put(entry));
    }

    private void delete(String key) {
        staged.put(key, StateOp.delete(key));
    }

    /** Deletes every live entry the predicate selects. */
    private void deleteWhere(Predicate<StateEntry> selected) {
        List<String> doomed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (StateOp op : staged.values()) {
            seen.add(op.key());
            if (op.entry() != null && selected.test(op.entry())) {
                doomed.add(op.key());
            }
        }
        for (StateEntry entry : base.entries()) {
            if (!seen.contains(entry.key()) && selected.test(entry)) {
                doomed.add(entry.key());
            }
        }
        doomed.forEach(this::delete);
    }

    private void add(StateChange change) {
        switch (change) {
            case StateChange.CredentialsSaved c -> put(new StateEntry.Credentials(c.credentials()));
            case StateChange.AccountCleared c -> deleteWhere(entry -> true);
            case StateChange.IdentitySaved c -> put(new StateEntry.Identity(c.address(), c.identity()));
            case StateChange.PreKeyStored c -> put(new StateEntry.PreKey(c.record()));
            case StateChange.PreKeyRemoved c -> delete(StateEntry.PreKey.key(c.id()));
            case StateChange.SignedPreKeyStored c -> put(new StateEntry.SignedPreKey(c.record()));
            case StateChange.SignedPreKeyRemoved c -> delete(StateEntry.SignedPreKey.key(c.id()));
            case StateChange.SessionStored c -> put(new StateEntry.Session(c.address(), c.record()));
            case StateChange.SessionDeleted c -> delete(StateEntry.Session.key(c.address()));
            case StateChange.SenderKeyStored c -> put(new StateEntry.SenderKey(c.name(), c.record()));
            case StateChange.LidMapped c -> {
                phoneForLid(c.lidUser()).filter(old -> !old.equals(c.phoneUser()))
                        .ifPresent(old -> delete(StateEntry.Lid.key(old)));
                put(new StateEntry.Lid(c.phoneUser(), c.lidUser()));
            }
            case StateChange.DeviceListStored c -> put(new StateEntry.Devices(c.list()));
            case StateChange.MessageSecretStored c -> put(new StateEntry.Secret(c.message(), c.secret(), c.original(), c.atMillis()));
            case StateChange.MessageSecretsPruned c -> deleteWhere(entry ->
                    entry instanceof StateEntry.Secret s && s.storedAtMillis() < c.beforeMillis());
            case StateChange.PlaintextBuffered c -> put(new StateEntry.Buffered(c.entry()));
            case StateChange.PlaintextHandled c -> current(StateEntry.Buffered.key(c.ciphertextHash()), StateEntry.Buffered.class)
                    .ifPresent(b -> put(new StateEntry.Buffered(new BufferedPlaintext(b.entry().ciphertextHash(), null,
                            b.entry().serverTimestamp(), b.entry().bufferedAtMillis()))));
            case StateChange.BufferPruned c -> deleteWhere(entry -> switch (entry) {
                case StateEntry.Buffered b -> b.entry().bufferedAtMillis() < c.beforeMillis();
                case StateEntry.Published p -> p.atMillis() < c.beforeMillis();
                default -> false;
            });
            case StateChange.SentMessageStored c -> put(new StateEntry.Sent(c.message()));
            case StateChange.SentMessagesPruned c -> deleteWhere(entry ->
                    entry instanceof StateEntry.Sent s && s.message().sentAtMillis() < c.beforeMillis());
            case StateChange.AppStateSyncKeyStored c -> put(new StateEntry.SyncKey(c.key()));
            case StateChange.CollectionStored c -> put(new StateEntry.Collection(c.state()));
            case StateChange.SenderKeyRecipientsAdded c -> {
                Set<Jid> all = new HashSet<>(current(StateEntry.SenderKeyRecipients.key(c.group()),
                        StateEntry.SenderKeyRecipients.class).map(StateEntry.SenderKeyRecipients::devices).orElse(Set.of()));
                all.addAll(c.devices());
                put(new StateEntry.SenderKeyRecipients(c.group(), all));
            }
            case StateChange.SenderKeyRecipientsForgotten c -> delete(StateEntry.SenderKeyRecipients.key(c.group()));
        }
    }

    /** The phone user currently paired with {@code lidUser}, staged ops first. */
    private Optional<Jid> phoneForLid(Jid lidUser) {
        for (StateOp op : staged.values()) {
            if (op.entry() instanceof StateEntry.Lid lid && lid.lidUser().equals(lidUser)) {
                return Optional.of(lid.phoneUser());
            }
        }
        return base.phoneForLid(lidUser).filter(phone ->
                current(StateEntry.Lid.key(phone), StateEntry.Lid.class).filter(l -> l.lidUser().equals(lidUser)).isPresent());
    }
}
