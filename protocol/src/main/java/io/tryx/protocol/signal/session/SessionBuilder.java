package io.tryx.protocol.signal.session;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.signal.IdentityKeyPair;
import io.tryx.protocol.signal.IdentityStatus;
import io.tryx.protocol.signal.InvalidKeyIdException;
import io.tryx.protocol.signal.KeyHelper;
import io.tryx.protocol.signal.PreKeyBundle;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.SignedPreKeyRecord;
import io.tryx.protocol.signal.store.SignalStore;
import io.tryx.protocol.signal.wire.PreKeySignalMessage;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;

/**
 * X3DH session setup as libsignal does it: from a peer's prekey bundle (we initiate; our messages are
 * pkmsgs until the peer answers) and from an incoming pkmsg (we respond).
 *
 * <p>The master secret is {@code 0xFF*32 || DH(IK_A, SPK_B) || DH(EK_A, IK_B) || DH(EK_A, SPK_B)
 * [|| DH(EK_A, OPK_B)]}, expanded with HKDF info "WhisperText"; the initiator then makes its first
 * sending chain with a fresh ratchet key against the signed prekey.
 */
public final class SessionBuilder {

    private final SecureRandom random;

    public SessionBuilder(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Starts a session with the bundle's device, replacing (archiving) any current one. The bundle's
     * signed prekey signature must verify. Returns how the bundle's identity compares with the stored one.
     */
    public IdentityStatus processBundle(SignalStore store, SignalAddress address, PreKeyBundle bundle) {
        if (!KeyHelper.verifySignedPreKey(bundle.identityKey(), bundle.signedPreKeyPublic(),
                bundle.signedPreKeySignature())) {
            throw new ProtocolException(ProtocolException.Reason.AUTHENTICATION_FAILED,
                    "signed prekey signature of " + address + " does not verify");
        }
        IdentityStatus status = IdentityStatus.compare(store.identity(address), bundle.identityKey());
        IdentityKeyPair ours = store.localIdentity();
        KeyPair base = Curve25519.generateKeyPair(random);
        byte[] theirSigned = bundle.signedPreKeyPublic();
        ByteArrayOutputStream secret = masterSecretPrefix();
        secret.writeBytes(Curve25519.sharedSecret(ours.privateKey(), theirSigned));
        secret.writeBytes(Curve25519.sharedSecret(base.privateKey(), bundle.identityKey().publicKey()));
        secret.writeBytes(Curve25519.sharedSecret(base.privateKey(), theirSigned));
        if (bundle.preKeyPublic() != null) {
            secret.writeBytes(Curve25519.sharedSecret(base.privateKey(), bundle.preKeyPublic()));
        }
        RootKey.Step master = RootKey.fromMasterSecret(secret.toByteArray());
        KeyPair sendingRatchet = Curve25519.generateKeyPair(random);
        RootKey.Step sending = RootKey.step(master.rootKey(), theirSigned, sendingRatchet.privateKey());

        SessionState state = new SessionState(ours.publicKey(), bundle.identityKey(), base.publicKey(),
                store.localRegistrationId(), bundle.registrationId(), sending.rootKey(), sendingRatchet,
                sending.chainKey(), 0, new ArrayList<>(),
                new PendingPreKey(bundle.preKeyId(), bundle.signedPreKeyId(), base.publicKey()));
        SessionRecord record = store.session(address).map(SessionRecord::copy).orElseGet(SessionRecord::empty);
        record.promote(state);
        store.storeSession(address, record);
        if (status.needsSaving()) {
            store.saveIdentity(address, bundle.identityKey());
        }
        return status;
    }

    /** The responder's new session state for an incoming pkmsg (not stored; the cipher does that). */
    static SessionState responderState(SignalStore store, PreKeySignalMessage message) {
        SignedPreKeyRecord signed = store.signedPreKey(message.signedPreKeyId()).orElseThrow(() ->
                new InvalidKeyIdException("no signed prekey " + message.signedPreKeyId()));
        PreKeyRecord oneTime = null;
        if (message.preKeyId().isPresent()) {
            int id = message.preKeyId().getAsInt();
            oneTime = store.preKey(id).orElseThrow(() -> new InvalidKeyIdException("no one-time prekey " + id));
        }
        IdentityKeyPair ours = store.localIdentity();
        byte[] baseKey = message.baseKey();
        byte[] signedPrivate = signed.keyPair().privateKey();
        ByteArrayOutputStream secret = masterSecretPrefix();
        secret.writeBytes(Curve25519.sharedSecret(signedPrivate, message.identityKey().publicKey()));
        secret.writeBytes(Curve25519.sharedSecret(ours.privateKey(), baseKey));
        secret.writeBytes(Curve25519.sharedSecret(signedPrivate, baseKey));
        if (oneTime != null) {
            secret.writeBytes(Curve25519.sharedSecret(oneTime.keyPair().privateKey(), baseKey));
        }
        RootKey.Step master = RootKey.fromMasterSecret(secret.toByteArray());
        return new SessionState(ours.publicKey(), message.identityKey(), baseKey, store.localRegistrationId(),
                message.registrationId(), master.rootKey(), signed.keyPair(), master.chainKey(), 0,
                new ArrayList<>(), null);
    }

    private static ByteArrayOutputStream masterSecretPrefix() {
        ByteArrayOutputStream secret = new ByteArrayOutputStream(160);
        byte[] discontinuity = new byte[32];
        Arrays.fill(discontinuity, (byte) 0xFF);
        secret.writeBytes(discontinuity);
        return secret;
    }

}
