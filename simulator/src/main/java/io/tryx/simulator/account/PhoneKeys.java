package io.tryx.simulator.account;

import io.tryx.protocol.signal.IdentityKeyPair;
import io.tryx.protocol.signal.KeyHelper;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.SignedPreKeyRecord;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mock phone's (device 0) Signal keys: identity key pair, registration id, signed prekey and a pool of
 * one-time prekeys. The public halves are served as its prekey bundle (each one-time prekey once, the pool
 * refills itself as a phone would); the private halves stay available to the phone for decryption. Thread-safe.
 */
public final class PhoneKeys {

    private static final int POOL = 50;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityKeyPair identity;
    private final int registrationId;
    private final SignedPreKeyRecord signedPreKey;
    private final Deque<PreKeyRecord> unused = new ArrayDeque<>();
    private final Map<Integer, PreKeyRecord> all = new HashMap<>();
    private int nextId = 1;

    private PhoneKeys(IdentityKeyPair identity, int registrationId, SignedPreKeyRecord signedPreKey) {
        this.identity = identity;
        this.registrationId = registrationId;
        this.signedPreKey = signedPreKey;
        refill();
    }

    static PhoneKeys generate() {
        IdentityKeyPair identity = IdentityKeyPair.generate(RANDOM);
        return new PhoneKeys(identity, KeyHelper.generateRegistrationId(RANDOM),
                KeyHelper.generateSignedPreKey(identity, 1, System.currentTimeMillis(), RANDOM));
    }

    public IdentityKeyPair identity() {
        return identity;
    }

    public int registrationId() {
        return registrationId;
    }

    public SignedPreKeyRecord signedPreKey() {
        return signedPreKey;
    }

    /** The bundle's public keys with one fresh one-time prekey (never handed out before). */
    public synchronized PreKeyUpload bundle() {
        if (unused.isEmpty()) {
            refill();
        }
        PreKeyRecord preKey = unused.poll();
        return new PreKeyUpload(registrationId, identity.publicKey().publicKey(),
                new PreKeyUpload.SignedPreKey(signedPreKey.id(), signedPreKey.keyPair().publicKey(), signedPreKey.signature()),
                List.of(new PreKeyUpload.PreKey(preKey.id(), preKey.keyPair().publicKey())));
    }

    /** A one-time prekey's private record by id (kept for decryption), if it was ever generated. */
    public synchronized Optional<PreKeyRecord> preKey(int id) {
        return Optional.ofNullable(all.get(id));
    }

    /** Every one-time prekey generated so far (handed out or not), for the phone's Signal store. */
    public synchronized List<PreKeyRecord> allPreKeys() {
        return List.copyOf(all.values());
    }

    private void refill() {
        for (PreKeyRecord key : KeyHelper.generatePreKeys(nextId, POOL, RANDOM)) {
            unused.add(key);
            all.put(key.id(), key);
        }
        nextId += POOL;
    }
}
