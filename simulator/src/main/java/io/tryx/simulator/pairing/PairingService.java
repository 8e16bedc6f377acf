package io.tryx.simulator.pairing;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.pairing.AdvPrimary;
import io.tryx.protocol.pairing.QrPayload;
import io.tryx.protocol.proto.AdvProto.ADVDeviceIdentity;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.connection.Transport;
import io.tryx.simulator.router.Iqs;
import io.tryx.simulator.router.StanzaRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * QR pairing, server and mock-phone side. A registration connection gets {@code iq set xmlns=md
 * <pair-device>} with {@value #REF_COUNT} refs ({@link RefSchedule}); when they run out the stream ends with
 * 408. {@link #scan} is the phone scanning a QR: the ref must be the one currently shown and the QR's noise
 * key the connection's static key; the phone then issues the device identity ({@link AdvPrimary#issue}) in
 * {@code pair-success}, checks the client's {@code pair-device-sign} countersignature, records the device,
 * and the server ends the stream with 515 so the client logs in.
 */
public final class PairingService {

    private static final Logger log = LoggerFactory.getLogger(PairingService.class);
    /** Refs per pair-device IQ, as the real server sends. */
    public static final int REF_COUNT = 6;
    /** The mock phone's platform, reported in pair-success. */
    public static final String PHONE_PLATFORM = "android";

    private final AccountRegistry accounts;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<ChatConnection, Pairing> byConnection = new ConcurrentHashMap<>();
    private final Map<String, Pairing> byRef = new ConcurrentHashMap<>();

    public PairingService(AccountRegistry accounts, InstantSource clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Routes the companion's answers to our pairing IQs. */
    public void register(StanzaRouter router) {
        router.response("pair-device-sign", this::onPairDeviceSign);
    }

    /** A registration payload arrived: show refs. Runs on the connection's thread. */
    public void begin(ChatConnection connection) {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < REF_COUNT; i++) {
            refs.add(newRef());
        }
        RefSchedule schedule = new RefSchedule(refs, clock.instant());
        Pairing pairing = new Pairing(connection, schedule);
        byConnection.put(connection, pairing);
        refs.forEach(ref -> byRef.put(ref, pairing));
        List<Node> refNodes = refs.stream().map(r -> Node.builder("ref").text(r).build()).toList();
        connection.send(Iqs.set(newId(), "md", Node.builder("pair-device").children(refNodes).build()));
        pairing.expiry = connection.schedule(() -> {
            if (!pairing.linking) {
                log.info("{}: QR refs exhausted, closing with 408", connection);
                connection.streamError(408);
            }
        }, Duration.between(clock.instant(), schedule.exhaustedAt()));
    }

    /** The connection is gone: forget its refs. */
    public void onClosed(ChatConnection connection) {
        Pairing pairing = byConnection.remove(connection);
        if (pairing != null) {
            pairing.schedule.refs().forEach(byRef::remove);
            if (pairing.expiry != null) {
                pairing.expiry.cancel();
            }
            pairing.result.completeExceptionally(new ScanException(ScanException.Kind.PAIRING_FAILED,
                    "connection closed before the companion countersigned"));
        }
    }

    /**
     * The mock phone of {@code phone} scans {@code qrText}. Validation failures throw {@link ScanException};
     * the returned future completes with the linked device once the companion countersigned.
     */
    public CompletableFuture<LinkedDevice> scan(String phone, String qrText) {
        Account account = accounts.find(phone).orElseThrow(() ->
                new ScanException(ScanException.Kind.UNKNOWN_ACCOUNT, "no account " + phone));
        QrPayload qr;
        try {
            String text = qrText == null ? "" : qrText.strip();
            if (text.startsWith(QrPayload.LINK_PREFIX)) {
                text = text.substring(QrPayload.LINK_PREFIX.length());
            }
            qr = QrPayload.parse(text);
        } catch (ProtocolException | IllegalArgumentException e) {
            throw new ScanException(ScanException.Kind.MALFORMED_QR, "QR does not parse: " + e.getMessage());
        }
        Pairing pairing = byRef.get(qr.ref());
        if (pairing == null) {
            throw new ScanException(ScanException.Kind.UNKNOWN_REF, "no pairing connection shows this ref");
        }
        Optional<String> current = pairing.schedule.current(clock.instant());
        if (current.isEmpty() || !current.get().equals(qr.ref())) {
            throw new ScanException(ScanException.Kind.STALE_REF, "ref is not the one currently shown");
        }
        if (!Arrays.equals(qr.noisePublic(), pairing.connection.clientStaticKey())) {
            throw new ScanException(ScanException.Kind.NOISE_KEY_MISMATCH, "QR noise key is not the connection's static key");
        }
        synchronized (pairing) {
            if (pairing.linking) {
                throw new ScanException(ScanException.Kind.STALE_REF, "this QR was already scanned");
            }
            pairing.linking = true;
        }
        Account.DeviceSlot slot = account.reserveSlot();
        pairing.connection.execute(() -> sendPairSuccess(pairing, account, slot, qr));
        return pairing.result;
    }

    /**
     * Links the companion on {@code connection} whose identity and ADV secret were learnt another way (pair
     * code): from {@code pair-success} on, exactly as after a scan. Runs on the connection's thread.
     */
    CompletableFuture<LinkedDevice> linkVerified(ChatConnection connection, Account account, QrPayload details) {
        Pairing pairing = byConnection.get(connection);
        if (pairing == null) {
            throw new ScanException(ScanException.Kind.UNKNOWN_REF, "not a pairing connection");
        }
        synchronized (pairing) {
            if (pairing.linking) {
                throw new ScanException(ScanException.Kind.STALE_REF, "already linking");
            }
            pairing.linking = true;
        }
        sendPairSuccess(pairing, account, account.reserveSlot(), details);
        return pairing.result;
    }

    /** The pairing result of a registration connection, if it is one. */
    Optional<CompletableFuture<LinkedDevice>> result(ChatConnection connection) {
        return Optional.ofNullable(byConnection.get(connection)).map(p -> p.result);
    }

    /** Whether {@code connection} is a registration connection still waiting to be linked. */
    boolean isPairing(ChatConnection connection) {
        Pairing pairing = byConnection.get(connection);
        return pairing != null && !pairing.linking;
    }

    private void sendPairSuccess(Pairing pairing, Account account, Account.DeviceSlot slot, QrPayload qr) {
        long now = clock.instant().getEpochSecond();
        byte[] identity = AdvPrimary.issue(account.accountKey(), qr.identityPublic(), qr.advSecret(),
                random.nextInt() & 0x7fffffff, now, slot.keyIndex());
        pairing.pending = new PendingLink(account, slot, qr);
        pairing.iqId = newId();
        Node success = Node.builder("pair-success").children(
                Node.builder("device-identity").bytes(identity).build(),
                Node.builder("platform").attr("name", PHONE_PLATFORM).build(),
                Node.builder("device").attr("jid", account.jid().withDevice(slot.deviceId()))
                        .attr("lid", account.lid().withDevice(slot.deviceId())).build()).build();
        pairing.connection.send(Node.builder("iq").attr("from", Iqs.SERVER).attr("type", "set")
                .attr("id", pairing.iqId).attr("xmlns", "md").attr("t", now).children(success).build());
    }

    private void onPairDeviceSign(ChatConnection connection, Node iq) {
        Pairing pairing = byConnection.get(connection);
        if (pairing == null || pairing.pending == null) {
            log.warn("{}: pair-device-sign without a pending pairing: {}", connection, iq);
            return;
        }
        PendingLink link = pairing.pending;
        try {
            Node identityNode = iq.children().getFirst().child("device-identity").orElseThrow(() ->
                    new ScanException(ScanException.Kind.PAIRING_FAILED, "pair-device-sign without device-identity"));
            byte[] signed = identityNode.contentBytes().orElseThrow(() ->
                    new ScanException(ScanException.Kind.PAIRING_FAILED, "device-identity without bytes"));
            ADVDeviceIdentity details = AdvPrimary.verifyCountersigned(signed, link.account.accountKey().publicKey(),
                    link.qr.identityPublic());
            if (details.getKeyIndex() != link.slot.keyIndex()) {
                throw new ScanException(ScanException.Kind.PAIRING_FAILED, "countersigned key index "
                        + details.getKeyIndex() + " is not " + link.slot.keyIndex());
            }
            LinkedDevice device = link.account.link(link.slot, link.qr.noisePublic(), link.qr.identityPublic(),
                    link.qr.platform());
            log.info("{}: linked {} ({})", connection, device.jid(), link.qr.platform());
            pairing.result.complete(device);
            connection.streamError(515);
        } catch (ProtocolException | ScanException e) {
            log.warn("{}: pairing failed: {}", connection, e.getMessage());
            pairing.result.completeExceptionally(new ScanException(ScanException.Kind.PAIRING_FAILED, e.getMessage()));
            connection.streamError(401);
        }
    }

    private String newRef() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return "2@" + Base64.getEncoder().encodeToString(bytes);
    }

    private String newId() {
        return Long.toUnsignedString(random.nextLong() & Long.MAX_VALUE, 36);
    }

    /** One pairing connection's state; fields written on the connection's thread except {@code linking}. */
    private static final class Pairing {
        final ChatConnection connection;
        final RefSchedule schedule;
        final CompletableFuture<LinkedDevice> result = new CompletableFuture<>();
        volatile boolean linking;
        volatile PendingLink pending;
        volatile String iqId;
        volatile Transport.Cancellable expiry;

        Pairing(ChatConnection connection, RefSchedule schedule) {
            this.connection = connection;
            this.schedule = schedule;
        }
    }

    private record PendingLink(Account account, Account.DeviceSlot slot, QrPayload qr) {
    }
}
