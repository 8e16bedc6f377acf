package io.tryx.simulator.pairing;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.pairing.LinkCodeBundle;
import io.tryx.protocol.pairing.PairCode;
import io.tryx.protocol.pairing.QrPayload;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;
import io.tryx.simulator.router.StanzaRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pair-code linking ({@code iq xmlns=md <link_code_companion_reg>}): {@code companion_hello} (the
 * companion's code-wrapped ephemeral key and its noise key, on its registration connection) is answered
 * with a ref; {@link #enterCode} is the user typing the code on the mock phone, which unwraps the companion's
 * ephemeral key and sends {@code notification type=link_code_companion_reg} ({@code primary_hello}: its own
 * wrapped ephemeral key and identity key); {@code companion_finish} carries the key bundle, which the phone
 * opens ({@link LinkCodeBundle#primaryOpen}) to learn the companion's identity and the ADV secret; from there
 * linking continues as after a QR scan ({@code pair-success}, countersignature, 515). A wrong code makes the
 * bundle fail to open: the stream ends with 401 and the code entry fails.
 */
public final class LinkCodePairing {

    private static final Logger log = LoggerFactory.getLogger(LinkCodePairing.class);

    private final AccountRegistry accounts;
    private final PairingService pairing;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Hello> byPhone = new ConcurrentHashMap<>();
    private final Map<ChatConnection, Hello> byConnection = new ConcurrentHashMap<>();

    public LinkCodePairing(AccountRegistry accounts, PairingService pairing, InstantSource clock) {
        this.accounts = accounts;
        this.pairing = pairing;
        this.clock = clock;
    }

    public void register(StanzaRouter router) {
        router.iq("md", "link_code_companion_reg", this::onCompanionReg);
    }

    /** The connection is gone: forget its request. */
    public void onClosed(ChatConnection connection) {
        Hello hello = byConnection.remove(connection);
        if (hello != null) {
            byPhone.remove(hello.account.phone(), hello);
        }
    }

    /**
     * The user types {@code code} on the phone of {@code phone}. The future completes with the linked device
     * once the companion countersigned, or fails (wrong code, connection gone).
     */
    public CompletableFuture<LinkedDevice> enterCode(String phone, String code) {
        Account account = accounts.find(phone).orElseThrow(() ->
                new ScanException(ScanException.Kind.UNKNOWN_ACCOUNT, "no account " + phone));
        PairCode pairCode;
        try {
            pairCode = PairCode.of(code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT).replace("-", ""));
        } catch (RuntimeException e) {
            throw new ScanException(ScanException.Kind.MALFORMED_CODE, "pair code must be 8 characters of " + PairCode.ALPHABET);
        }
        Hello hello = byPhone.get(account.phone());
        if (hello == null || !pairing.isPairing(hello.connection)) {
            throw new ScanException(ScanException.Kind.NO_CODE_REQUEST, "no companion asked for a pair code for " + phone);
        }
        CompletableFuture<LinkedDevice> result = pairing.result(hello.connection).orElseThrow(() ->
                new ScanException(ScanException.Kind.NO_CODE_REQUEST, "the companion's connection is gone"));
        hello.connection.execute(() -> sendPrimaryHello(hello, pairCode));
        return result;
    }

    private void sendPrimaryHello(Hello hello, PairCode code) {
        byte[] companionEphemeral;
        try {
            companionEphemeral = code.unwrap(hello.wrappedCompanionEphemeral);
        } catch (ProtocolException e) {
            log.info("{}: companion ephemeral key does not unwrap: {}", hello.connection, e.getMessage());
            hello.connection.streamError(401);
            return;
        }
        KeyPair primaryEphemeral = Curve25519.generateKeyPair(random);
        hello.companionEphemeral = companionEphemeral;
        hello.primaryEphemeral = primaryEphemeral;
        byte[] salt = bytes(32);
        byte[] iv = bytes(16);
        Node reg = Node.builder("link_code_companion_reg").attr("stage", "primary_hello").children(
                Node.builder("link_code_pairing_wrapped_primary_ephemeral_pub").bytes(code.wrap(primaryEphemeral.publicKey(), salt, iv)).build(),
                Node.builder("primary_identity_pub").bytes(hello.account.accountKey().publicKey()).build(),
                Node.builder("link_code_pairing_ref").bytes(hello.ref.getBytes(StandardCharsets.UTF_8)).build()).build();
        hello.connection.send(Node.builder("notification").attr("from", "s.whatsapp.net")
                .attr("type", "link_code_companion_reg").attr("id", Long.toUnsignedString(random.nextLong(), 36))
                .attr("t", clock.instant().getEpochSecond()).children(reg).build());
    }

    private Optional<List<Node>> onCompanionReg(ChatConnection connection, Node iq) {
        Node reg = iq.children().getFirst();
        String stage = reg.attrs().optionalString("stage").orElse("");
        return switch (stage) {
            case "companion_hello" -> companionHello(connection, reg);
            case "companion_finish" -> companionFinish(connection, reg);
            default -> throw new IqException(IqError.BAD_REQUEST, "unknown link_code_companion_reg stage " + stage);
        };
    }

    private Optional<List<Node>> companionHello(ChatConnection connection, Node reg) {
        if (!pairing.isPairing(connection)) {
            throw new IqException(IqError.BAD_REQUEST, "not a registration connection");
        }
        String phone = reg.attrs().optionalJid("jid").map(j -> j.user())
                .orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "companion_hello needs a jid"));
        Account account = accounts.find(phone).orElseThrow(() -> new IqException(IqError.ITEM_NOT_FOUND, "no account " + phone));
        byte[] wrapped = bytes(reg, "link_code_pairing_wrapped_companion_ephemeral_pub");
        if (!Arrays.equals(bytes(reg, "companion_server_auth_key_pub"), connection.clientStaticKey())) {
            throw new IqException(IqError.BAD_REQUEST, "companion_server_auth_key_pub is not the connection's noise key");
        }
        String platform = reg.child("companion_platform_id").flatMap(LinkCodePairing::text).orElse("");
        Hello hello = new Hello(connection, account, wrapped, "LC" + Long.toUnsignedString(random.nextLong(), 36), platform);
        Hello previous = byConnection.put(connection, hello);
        if (previous != null) {
            byPhone.remove(previous.account.phone(), previous);
        }
        byPhone.put(phone, hello);
        log.info("{}: pair code requested for {}", connection, phone);
        return Optional.of(List.of(Node.builder("link_code_companion_reg").children(
                Node.builder("link_code_pairing_ref").bytes(hello.ref.getBytes(StandardCharsets.UTF_8)).build()).build()));
    }

    private Optional<List<Node>> companionFinish(ChatConnection connection, Node reg) {
        Hello hello = byConnection.get(connection);
        if (hello == null || hello.primaryEphemeral == null) {
            throw new IqException(IqError.BAD_REQUEST, "companion_finish before primary_hello");
        }
        byte[] identity = bytes(reg, "companion_identity_public");
        LinkCodeBundle.PrimaryView view;
        try {
            view = LinkCodeBundle.primaryOpen(hello.primaryEphemeral, hello.companionEphemeral,
                    hello.account.accountKey(), bytes(reg, "link_code_pairing_wrapped_key_bundle"));
        } catch (ProtocolException e) {
            log.info("{}: key bundle does not open (wrong code?): {}", connection, e.getMessage());
            pairing.result(connection).ifPresent(f -> f.completeExceptionally(
                    new ScanException(ScanException.Kind.PAIRING_FAILED, "key bundle does not open: wrong code?")));
            connection.execute(() -> connection.streamError(401));
            throw new IqException(IqError.NOT_AUTHORIZED, "key bundle does not open");
        }
        if (!Arrays.equals(view.companionIdentityPublic(), identity)) {
            throw new IqException(IqError.BAD_REQUEST, "bundle names another companion identity");
        }
        byPhone.remove(hello.account.phone(), hello);
        byConnection.remove(connection);
        connection.execute(() -> pairing.linkVerified(connection, hello.account,
                new QrPayload(hello.ref, connection.clientStaticKey(), identity, view.advSecret(), hello.platform)));
        return Optional.of(List.of());
    }

    private static Optional<String> text(Node node) {
        return node.contentText().or(() -> node.contentBytes().map(b -> new String(b, StandardCharsets.UTF_8)));
    }

    private static byte[] bytes(Node parent, String tag) {
        Node child = parent.child(tag).orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "missing <" + tag + ">"));
        return child.contentBytes().or(() -> child.contentText().map(t -> t.getBytes(StandardCharsets.UTF_8)))
                .orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "<" + tag + "> has no content"));
    }

    private byte[] bytes(int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }

    /** A pending pair-code request; ephemeral fields written on the connection's thread. */
    private static final class Hello {
        final ChatConnection connection;
        final Account account;
        final byte[] wrappedCompanionEphemeral;
        final String ref;
        final String platform;
        volatile byte[] companionEphemeral;
        volatile KeyPair primaryEphemeral;

        Hello(ChatConnection connection, Account account, byte[] wrapped, String ref, String platform) {
            this.connection = connection;
            this.account = account;
            this.wrappedCompanionEphemeral = wrapped;
            this.ref = ref;
            this.platform = platform;
        }
    }
}
