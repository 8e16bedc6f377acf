package io.tryx.simulator.connection;

import io.tryx.protocol.cert.CertificateAuthority;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * The simulator's Noise identity: its own root/intermediate CA, the server static key and the serialized
 * certificate chain for that key. Clients must trust {@link #rootPublicKey()} instead of WhatsApp's root.
 */
public record ServerIdentity(byte[] rootPublicKey, KeyPair staticKey, byte[] certChain) {

    public ServerIdentity {
        rootPublicKey = rootPublicKey.clone();
        certChain = certChain.clone();
    }

    /** A fresh CA and static key, valid from a day ago for ten years. */
    public static ServerIdentity generate(Instant now) {
        SecureRandom random = new SecureRandom();
        Instant notBefore = now.minus(Duration.ofDays(1));
        Instant notAfter = now.plus(Duration.ofDays(3650));
        CertificateAuthority ca = CertificateAuthority.generate(random, 1, notBefore, notAfter);
        KeyPair staticKey = Curve25519.generateKeyPair(random);
        byte[] chain = ca.issue(staticKey.publicKey(), 2, notBefore, notAfter).toByteArray();
        return new ServerIdentity(ca.rootPublicKey(), staticKey, chain);
    }

    @Override
    public byte[] rootPublicKey() {
        return rootPublicKey.clone();
    }

    @Override
    public byte[] certChain() {
        return certChain.clone();
    }
}
