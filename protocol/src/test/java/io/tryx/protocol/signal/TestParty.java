package io.tryx.protocol.signal;

import io.tryx.protocol.signal.group.GroupCipher;
import io.tryx.protocol.signal.group.GroupSessionBuilder;
import io.tryx.protocol.signal.session.Ciphertext;
import io.tryx.protocol.signal.session.Decrypted;
import io.tryx.protocol.signal.session.SessionBuilder;
import io.tryx.protocol.signal.session.SessionCipher;
import io.tryx.protocol.signal.store.InMemorySignalStore;

import java.security.SecureRandom;
import java.util.OptionalInt;

/** One in-memory Signal device for tests: a store, the ciphers and prekey bundle making. */
public final class TestParty {

    public final SignalAddress address;
    public final InMemorySignalStore store;
    public final SessionBuilder builder;
    public final SessionCipher cipher;
    public final GroupSessionBuilder groupBuilder;
    public final GroupCipher groupCipher;
    private final SecureRandom random;
    private int nextPreKeyId = 1;
    private int nextSignedPreKeyId = 1;

    public TestParty(String name, SecureRandom random) {
        this(new SignalAddress(name, 1), IdentityKeyPair.generate(random), random);
    }

    public TestParty(SignalAddress address, IdentityKeyPair identity, SecureRandom random) {
        this.address = address;
        this.random = random;
        this.store = new InMemorySignalStore(identity, KeyHelper.generateRegistrationId(random));
        this.builder = new SessionBuilder(random);
        this.cipher = new SessionCipher(random);
        this.groupBuilder = new GroupSessionBuilder(random);
        this.groupCipher = new GroupCipher(random);
    }

    /** A fresh bundle with a new signed prekey and (unless {@code withOneTime} is false) a one-time prekey. */
    public PreKeyBundle bundle(boolean withOneTime) {
        SignedPreKeyRecord signed = KeyHelper.generateSignedPreKey(store.localIdentity(), nextSignedPreKeyId++, 0L, random);
        store.storeSignedPreKey(signed);
        OptionalInt preKeyId = OptionalInt.empty();
        byte[] preKeyPublic = null;
        if (withOneTime) {
            PreKeyRecord preKey = KeyHelper.generatePreKeys(nextPreKeyId, 1, random).getFirst();
            nextPreKeyId = KeyHelper.nextPreKeyId(nextPreKeyId);
            store.storePreKey(preKey);
            preKeyId = OptionalInt.of(preKey.id());
            preKeyPublic = preKey.keyPair().publicKey();
        }
        return new PreKeyBundle(store.localRegistrationId(), address.deviceId(), preKeyId, preKeyPublic, signed.id(),
                signed.keyPair().publicKey(), signed.signature(), store.localIdentity().publicKey());
    }

    public PreKeyBundle bundle() {
        return bundle(true);
    }

    public IdentityStatus startSessionWith(TestParty peer) {
        return builder.processBundle(store, peer.address, peer.bundle());
    }

    public Ciphertext encrypt(TestParty to, String text) {
        return cipher.encrypt(store, to.address, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public Decrypted decrypt(TestParty from, Ciphertext message) {
        return cipher.decrypt(store, from.address, message.type(), message.serialized());
    }

    public String decryptText(TestParty from, Ciphertext message) {
        return new String(decrypt(from, message).plaintext(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
