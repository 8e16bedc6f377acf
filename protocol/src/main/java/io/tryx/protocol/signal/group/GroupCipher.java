package io.tryx.protocol.signal.group;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.crypto.Aes;
import io.tryx.protocol.signal.NoSessionException;
import io.tryx.protocol.signal.session.ChainKey;
import io.tryx.protocol.signal.store.SenderKeyStore;
import io.tryx.protocol.signal.wire.SenderKeyMessage;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Group encryption with sender keys ("skmsg"), compatible with Baileys' GroupCipher: AES-256-CBC under
 * the iteration's message key, signed with the sender's signing key. Like the 1:1 cipher it writes only
 * on success, so a forged, replayed or out-of-window message leaves the stored record unchanged.
 * Not synchronized: callers run the operations of one sender key one at a time.
 */
public final class GroupCipher {

    private final SecureRandom random;

    public GroupCipher(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Encrypts with our newest sender key for the group and advances its chain. */
    public byte[] encrypt(SenderKeyStore store, SenderKeyName ours, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        SenderKeyRecord record = store.senderKey(ours).map(SenderKeyRecord::copy)
                .orElseThrow(() -> new NoSessionException("no sender key for " + ours));
        SenderKeyState original = record.currentState()
                .orElseThrow(() -> new NoSessionException("no sender key for " + ours));
        if (original.signingPrivate == null) {
            throw new NoSessionException("sender key for " + ours + " is not ours (no signing private key)");
        }
        SenderKeyState state = original.copy();
        ChainKey chain = state.window.chainKey();
        SenderMessageKey key = SenderMessageKey.fromSeed(chain.messageKeySeed());
        byte[] ciphertext = Aes.cbcEncrypt(key.cipherKey(), key.iv(), plaintext);
        byte[] noise = new byte[64];
        random.nextBytes(noise);
        SenderKeyMessage message = SenderKeyMessage.create(state.keyId, chain.index(), ciphertext,
                state.signingPrivate, noise);
        state.window.advance();
        record.replace(original, state);
        store.storeSenderKey(ours, record);
        return message.serialized();
    }

    /** Decrypts a member's group message with the sender key its key id names. */
    public byte[] decrypt(SenderKeyStore store, SenderKeyName sender, byte[] serialized) {
        SenderKeyMessage message = SenderKeyMessage.parse(serialized);
        SenderKeyRecord record = store.senderKey(sender).map(SenderKeyRecord::copy)
                .orElseThrow(() -> new NoSessionException("no sender key for " + sender));
        SenderKeyState original = record.state(message.keyId()).orElseThrow(() ->
                new NoSessionException("no sender key " + message.keyId() + " for " + sender));
        if (!message.verifySignature(original.signingPublic)) {
            throw new ProtocolException(ProtocolException.Reason.AUTHENTICATION_FAILED,
                    "sender key message signature does not verify");
        }
        SenderKeyState state = original.copy();
        SenderMessageKey key = SenderMessageKey.fromSeed(state.consumeSeed(message.iteration()));
        byte[] plaintext = Aes.cbcDecrypt(key.cipherKey(), key.iv(), message.ciphertext());
        record.replace(original, state);
        store.storeSenderKey(sender, record);
        return plaintext;
    }
}
