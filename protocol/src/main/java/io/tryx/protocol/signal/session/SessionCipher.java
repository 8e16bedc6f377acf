package io.tryx.protocol.signal.session;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.crypto.Aes;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.signal.DuplicateMessageException;
import io.tryx.protocol.signal.IdentityStatus;
import io.tryx.protocol.signal.MessageWindowException;
import io.tryx.protocol.signal.NoSessionException;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.store.SignalStore;
import io.tryx.protocol.signal.wire.PreKeySignalMessage;
import io.tryx.protocol.signal.wire.SignalMessage;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Double Ratchet encryption and decryption of 1:1 messages (version 3, AES-256-CBC, 8-byte MACs),
 * byte-compatible with libsignal.
 *
 * <p>Every call reads what it needs from the store, works on copies, and writes only when it succeeds:
 * a message that fails (bad MAC, replay, outside the window) leaves the stored session as it was.
 * Decryption tries the current session first, then the archived ones; a success on an archived state
 * updates that state in place without making it current (as libsignal-node does), so late messages of a
 * replaced session never redirect our replies to it.
 *
 * <p>Not synchronized: like libsignal's per-address job queue, callers run the operations of one address
 * one at a time (and commit each one's writes before the next starts).
 */
public final class SessionCipher {

    private final SecureRandom random;

    public SessionCipher(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Encrypts on the current session: a pkmsg until the peer has answered, a msg afterwards. */
    public Ciphertext encrypt(SignalStore store, SignalAddress to, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        SessionRecord record = store.session(to).map(SessionRecord::copy)
                .orElseThrow(() -> new NoSessionException("no session with " + to));
        SessionState state = record.currentState()
                .orElseThrow(() -> new NoSessionException("no current session with " + to)).copy();
        ChainKey chain = state.senderChain;
        MessageKeys keys = MessageKeys.fromSeed(chain.messageKeySeed());
        byte[] ciphertext = Aes.cbcEncrypt(keys.cipherKey(), keys.iv(), plaintext);
        SignalMessage message = SignalMessage.create(keys.macKey(), state.senderRatchet.publicKey(), chain.index(),
                state.previousCounter, ciphertext, state.localIdentity, state.remoteIdentity);
        state.senderChain = chain.next();
        record.current = state;
        store.storeSession(to, record);
        PendingPreKey pending = state.pendingPreKey;
        if (pending == null) {
            return new Ciphertext.Whisper(message.serialized(), state.remoteRegistrationId);
        }
        PreKeySignalMessage preKeyMessage = PreKeySignalMessage.create(state.localRegistrationId,
                pending.preKeyId(), pending.signedPreKeyId(), pending.baseKey(), state.localIdentity, message);
        return new Ciphertext.PreKey(preKeyMessage.serialized(), state.remoteRegistrationId);
    }

    /** Decrypts by the {@code enc type}: {@code pkmsg} or {@code msg}. */
    public Decrypted decrypt(SignalStore store, SignalAddress from, String type, byte[] serialized) {
        return switch (type) {
            case "pkmsg" -> decryptPreKeyMessage(store, from, serialized);
            case "msg" -> decryptMessage(store, from, serialized);
            default -> throw new ProtocolException(ProtocolException.Reason.UNSUPPORTED, "enc type " + type);
        };
    }

    /**
     * Decrypts a pkmsg. A new base key starts a new session that becomes current (the previous one is
     * archived), consumes the one-time prekey and saves the sender's identity; the result says whether it
     * changed. A base key we already hold decrypts on that session like a msg (see {@link #decryptMessage}).
     */
    public Decrypted decryptPreKeyMessage(SignalStore store, SignalAddress from, byte[] serialized) {
        PreKeySignalMessage message = PreKeySignalMessage.parse(serialized);
        SessionRecord record = store.session(from).map(SessionRecord::copy).orElseGet(SessionRecord::empty);
        byte[] plaintext;
        SessionState used;
        boolean consumesPreKey = false;
        if (record.stateWithBaseKey(message.baseKey()) != null) {
            Attempt attempt = decryptWithRecord(record, message.message(), from);
            plaintext = attempt.plaintext();
            used = attempt.state();
        } else {
            used = SessionBuilder.responderState(store, message);
            plaintext = decryptWithState(used, message.message());
            record.promote(used);
            consumesPreKey = true;
        }
        IdentityStatus status = IdentityStatus.compare(store.identity(from), used.remoteIdentity);
        store.storeSession(from, record);
        if (consumesPreKey ? status.needsSaving() : status instanceof IdentityStatus.FirstSeen) {
            store.saveIdentity(from, used.remoteIdentity);
        }
        if (consumesPreKey) {
            message.preKeyId().ifPresent(store::removePreKey);
        }
        return new Decrypted(plaintext, status);
    }

    /**
     * Decrypts a msg on the current or an archived session. The identity status compares the session's
     * identity with the stored one; only a first sighting is saved (a message on an archived session of
     * an old identity must not undo the trust in the newer one).
     */
    public Decrypted decryptMessage(SignalStore store, SignalAddress from, byte[] serialized) {
        SignalMessage message = SignalMessage.parse(serialized);
        SessionRecord record = store.session(from).map(SessionRecord::copy)
                .orElseThrow(() -> new NoSessionException("no session with " + from));
        Attempt attempt = decryptWithRecord(record, message, from);
        IdentityStatus status = IdentityStatus.compare(store.identity(from), attempt.state().remoteIdentity);
        store.storeSession(from, record);
        if (status instanceof IdentityStatus.FirstSeen) {
            store.saveIdentity(from, attempt.state().remoteIdentity);
        }
        return new Decrypted(attempt.plaintext(), status);
    }

    private Attempt decryptWithRecord(SessionRecord record, SignalMessage message, SignalAddress from) {
        List<SessionState> candidates = new ArrayList<>(record.previous.size() + 1);
        record.currentState().ifPresent(candidates::add);
        candidates.addAll(record.previous);
        if (candidates.isEmpty()) {
            throw new NoSessionException("no session with " + from);
        }
        ProtocolException failure = null;
        for (SessionState candidate : candidates) {
            SessionState working = candidate.copy();
            try {
                byte[] plaintext = decryptWithState(working, message);
                record.replace(candidate, working);
                return new Attempt(working, plaintext);
            } catch (ProtocolException e) {
                failure = mostTelling(failure, e);
            }
        }
        throw failure;
    }

    /** A replay or window error names the real problem better than a MAC failure on an unrelated session. */
    private static ProtocolException mostTelling(ProtocolException kept, ProtocolException next) {
        return kept == null || rank(next) > rank(kept) ? next : kept;
    }

    private static int rank(ProtocolException e) {
        if (e instanceof DuplicateMessageException) {
            return 2;
        }
        return e instanceof MessageWindowException ? 1 : 0;
    }

    private byte[] decryptWithState(SessionState state, SignalMessage message) {
        byte[] theirRatchet = message.ratchetKey();
        ReceiverChain chain = state.receiverChain(theirRatchet);
        if (chain == null) {
            chain = ratchetStep(state, theirRatchet);
        }
        MessageKeys keys = MessageKeys.fromSeed(chain.consumeSeed(message.counter()));
        if (!message.verifyMac(keys.macKey(), state.remoteIdentity, state.localIdentity)) {
            throw new ProtocolException(ProtocolException.Reason.AUTHENTICATION_FAILED, "message MAC does not verify");
        }
        byte[] plaintext = Aes.cbcDecrypt(keys.cipherKey(), keys.iv(), message.ciphertext());
        state.pendingPreKey = null;
        return plaintext;
    }

    /** The peer moved to a new ratchet key: derive its receiving chain, then our next sending chain. */
    private ReceiverChain ratchetStep(SessionState state, byte[] theirRatchet) {
        RootKey.Step receiving = RootKey.step(state.rootKey, theirRatchet, state.senderRatchet.privateKey());
        KeyPair ourNext = Curve25519.generateKeyPair(random);
        RootKey.Step sending = RootKey.step(receiving.rootKey(), theirRatchet, ourNext.privateKey());
        ReceiverChain chain = new ReceiverChain(theirRatchet, receiving.chainKey());
        state.addReceiverChain(chain);
        state.previousCounter = Math.max(state.senderChain.index() - 1, 0);
        state.senderRatchet = ourNext;
        state.senderChain = sending.chainKey();
        state.rootKey = sending.rootKey();
        return chain;
    }

    private record Attempt(SessionState state, byte[] plaintext) {
    }
}
