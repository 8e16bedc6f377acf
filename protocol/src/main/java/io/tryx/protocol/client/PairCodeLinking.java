package io.tryx.protocol.client;

import io.tryx.protocol.store.CredentialStore;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.pairing.LinkCodeBundle;
import io.tryx.protocol.pairing.PairCode;
import io.tryx.protocol.proto.CompanionProto.DeviceProps;

import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;

/**
 * Linking by pair code instead of QR, on a registration connection: {@code companion_hello} announces our
 * ephemeral key wrapped with the code (which the user types on the phone); the phone's {@code primary_hello}
 * notification is answered with {@code companion_finish}, sealing our identity and switching the credentials
 * to the ADV secret both sides derive, so the following {@code pair-success} verifies as for a QR.
 */
final class PairCodeLinking {

    private final ClientSession session;
    private final CredentialStore store;
    private final SecureRandom random;
    private PairCode code;
    private KeyPair ephemeral;
    private String phone;

    PairCodeLinking(ClientSession session, CredentialStore store, SecureRandom random) {
        this.session = session;
        this.store = store;
        this.random = random;
    }

    /** Sends {@code companion_hello} for {@code phone}; completes with the code to type on the phone. */
    CompletableFuture<String> request(String phone) {
        byte[] five = new byte[5];
        random.nextBytes(five);
        PairCode fresh = PairCode.fromRandom(five);
        KeyPair key = Curve25519.generateKeyPair(random);
        byte[] salt = new byte[32];
        byte[] iv = new byte[16];
        random.nextBytes(salt);
        random.nextBytes(iv);
        DeviceCredentials credentials = store.load().orElseThrow();
        synchronized (this) {
            this.code = fresh;
            this.ephemeral = key;
            this.phone = phone;
        }
        Node hello = ClientNodes.iq(session.nextIqId(), "md", "set", Node.builder("link_code_companion_reg")
                .attr("jid", phone + "@" + ClientNodes.SERVER).attr("stage", "companion_hello").attr("should_show_push_notification", "true")
                .children(
                        Node.builder("link_code_pairing_wrapped_companion_ephemeral_pub").bytes(fresh.wrap(key.publicKey(), salt, iv)).build(),
                        Node.builder("companion_server_auth_key_pub").bytes(credentials.noiseKey().publicKey()).build(),
                        Node.builder("companion_platform_id").text(String.valueOf(DeviceProps.PlatformType.CHROME_VALUE)).build(),
                        Node.builder("companion_platform_display").text("Chrome (Tryx)").build(),
                        Node.builder("link_code_pairing_nonce").text("0").build()).build());
        return session.query(hello).thenApply(answer -> fresh.value());
    }

    /** Answers the phone's {@code primary_hello}; returns the {@code companion_finish} IQ to send, or null. */
    synchronized Node onPrimaryHello(Node registration) {
        if (code == null) {
            return null;
        }
        byte[] wrapped = registration.child("link_code_pairing_wrapped_primary_ephemeral_pub").flatMap(Node::contentBytes)
                .orElseThrow(() -> new IllegalArgumentException("primary_hello without the wrapped ephemeral key"));
        byte[] primaryIdentity = registration.child("primary_identity_pub").flatMap(Node::contentBytes)
                .orElseThrow(() -> new IllegalArgumentException("primary_hello without the primary identity"));
        byte[] ref = registration.child("link_code_pairing_ref").flatMap(Node::contentBytes)
                .orElseThrow(() -> new IllegalArgumentException("primary_hello without a ref"));
        byte[] random32 = new byte[32];
        byte[] salt = new byte[32];
        byte[] iv = new byte[12];
        random.nextBytes(random32);
        random.nextBytes(salt);
        random.nextBytes(iv);
        DeviceCredentials credentials = store.load().orElseThrow();
        LinkCodeBundle.CompanionFinish finish = LinkCodeBundle.companionFinish(ephemeral, code.unwrap(wrapped),
                credentials.identity().keyPair(), primaryIdentity, random32, salt, iv);
        store.save(credentials.withAdvSecret(finish.advSecret()));
        code = null;
        return ClientNodes.iq(session.nextIqId(), "md", "set", Node.builder("link_code_companion_reg")
                .attr("jid", phone + "@" + ClientNodes.SERVER).attr("stage", "companion_finish").children(
                        Node.builder("link_code_pairing_wrapped_key_bundle").bytes(finish.encryptedBundle()).build(),
                        Node.builder("companion_identity_public").bytes(credentials.identity().publicKey().publicKey()).build(),
                        Node.builder("link_code_pairing_ref").bytes(ref).build()).build());
    }
}
