package io.tryx.protocol.client;

import io.tryx.protocol.store.CredentialStore;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.login.ClientPayloads;
import io.tryx.protocol.login.ClientVersion;
import io.tryx.protocol.pairing.AdvCompanion;
import io.tryx.protocol.pairing.QrPayload;
import io.tryx.protocol.proto.CompanionProto.DeviceProps;
import io.tryx.protocol.signal.store.PreKeyStore;
import io.tryx.protocol.signal.store.SignedPreKeyStore;
import io.tryx.protocol.transport.NodeListener;
import io.tryx.protocol.transport.TransportException;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The connection lifecycle of one device. Without paired credentials it registers: acknowledges
 * {@code pair-device}, emits {@link ClientEvent.QrCode}s rotating with the server's refs, countersigns
 * {@code pair-success} and, on {@code stream:error 515}, reconnects at once with the login payload. Logged in
 * ({@code success}) it emits {@link ClientEvent.Connected}, starts keepalive, tops up one-time prekeys, rotates the
 * signed prekey when it is due (and checks again daily while connected) and marks itself active. {@code failure 401} and unlinking end in {@link ClientEvent.LoggedOut} with the
 * credentials wiped; {@code conflict type=replaced} ends in {@link ClientEvent.StreamReplaced}; another
 * {@code failure} (403, 405, ...) ends in {@link ClientEvent.LoginFailed} (a 405 first refreshes the version and tries
 * again when the config has a {@link ClientVersionSource}); any other
 * end reconnects with jittered Fibonacci backoff. Thread-safe: connection callbacks and timers serialize on
 * this object; events go to listeners in order on the (serial) event executor.
 */
public final class ClientSession implements AutoCloseable {

    /** Where the session is. */
    public enum State { IDLE, CONNECTING, PAIRING, LOGGING_IN, CONNECTED, WAITING_TO_RECONNECT, STOPPED }

    /** How often a long-lived connection checks whether the signed prekey is due for rotation. */
    private static final Duration ROTATION_CHECK = Duration.ofDays(1);

    private enum Ending { RECONNECT, RESTART, LOGGED_OUT, REPLACED, QR_TIMEOUT, LOGIN_FAILED, STOPPED }

    private final Connector connector;
    private final CredentialStore store;
    private final ClientConfig config;
    private final ClientScheduler scheduler;
    private final Executor events;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    private ClientVersion version;
    private ClientPayloads payloads;
    private boolean versionRefused;
    private final List<ClientListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Node>> stanzaHandlers = new CopyOnWriteArrayList<>();
    private final List<Predicate<Node>> notificationHandlers = new CopyOnWriteArrayList<>();
    private final PreKeyAllocator allocator;
    private final PreKeyRefill preKeys;
    private final PairCodeLinking pairCode;

    private State state = State.IDLE;
    private int generation;
    private boolean ended;
    private ClientConnection connection;
    private final ReadingControl reading = new ReadingControl();
    private List<Node> early = new ArrayList<>();
    private IqTracker tracker;
    private Ending ending = Ending.RECONNECT;
    private String endReason;
    private String failureReason;
    private int banCode;
    private java.time.Duration banExpiry = java.time.Duration.ZERO;
    private int failedAttempts;
    private final Deque<String> refs = new ArrayDeque<>();
    private Cancellable qrTimer;
    private Cancellable reconnectTimer;
    private Cancellable rotationTimer;

    /**
     * A session connecting through {@code connector}; credentials live in {@code store}, generated one-time
     * prekeys in {@code preKeyStore} (stored before they are uploaded); timers run on {@code scheduler}; events
     * are delivered on {@code events}, which must run tasks one at a time in submission order.
     */
    public ClientSession(Connector connector, CredentialStore store, PreKeyStore preKeyStore, ClientConfig config,
                         ClientScheduler scheduler, Executor events, InstantSource clock) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.store = Objects.requireNonNull(store, "store");
        this.config = Objects.requireNonNull(config, "config");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.version = config.version();
        this.payloads = new ClientPayloads(version);
        this.pairCode = new PairCodeLinking(this, store, random);
        this.allocator = new PreKeyAllocator(store, Objects.requireNonNull(preKeyStore, "preKeyStore"), random, this,
                () -> state != State.STOPPED);
        SignedPreKeyRotation rotation = preKeyStore instanceof SignedPreKeyStore signed
                ? new SignedPreKeyRotation(this, store, signed, allocator, config, clock, random, events) : null;
        this.preKeys = new PreKeyRefill(this, store, allocator, config, events, rotation);
    }

    /** Registers a listener for all later events. */
    public void addListener(ClientListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Registers a handler for the stanzas the lifecycle does not consume ({@code message}, {@code receipt},
     * {@code ack}, ...). Handlers run on the connection's thread under the session lock: they must only hand
     * the stanza on (to an executor), never block.
     */
    public void addStanzaHandler(Consumer<Node> handler) {
        stanzaHandlers.add(Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Registers a handler offered every {@code notification} first: one that returns true takes it, including its
     * {@code ack}; the others are acknowledged by the session. Same threading rules as stanza handlers.
     */
    public void addNotificationHandler(Predicate<Node> handler) {
        notificationHandlers.add(Objects.requireNonNull(handler, "handler"));
    }

    /** Sends a stanza on the current connection; fails with {@link ConnectionClosedException} when there is none. */
    public CompletableFuture<Void> send(Node node) {
        ClientConnection open;
        synchronized (this) {
            open = connection;
        }
        if (open == null) {
            return CompletableFuture.failedFuture(new ConnectionClosedException("not connected"));
        }
        return open.send(node);
    }

    /**
     * Connects (registering or logging in); completes when the first transport connection is open, or
     * exceptionally when that attempt fails (the session then keeps retrying with backoff until closed).
     */
    public synchronized CompletableFuture<Void> start() {
        if (state != State.IDLE) {
            throw new IllegalStateException("session already started: " + state);
        }
        if (config.versionSource() == null) {
            return connectNow().thenApply(c -> null);
        }
        state = State.CONNECTING;
        return config.versionSource().fetch(version).thenCompose(this::connectWith);
    }

    /** The WhatsApp Web version this session announces (configured, or refreshed from the version source). */
    public synchronized ClientVersion version() {
        return version;
    }

    private synchronized CompletableFuture<Void> connectWith(ClientVersion fetched) {
        if (state == State.STOPPED) {
            return CompletableFuture.failedFuture(new ConnectionClosedException("closed before connecting"));
        }
        useVersion(fetched);
        return connectNow().thenApply(c -> null);
    }

    private void useVersion(ClientVersion value) {
        if (!value.equals(version)) {
            version = value;
            payloads = new ClientPayloads(value);
        }
    }

    /** After a 405: the refreshed version, if it differs from the refused one, gets one more attempt at once. */
    private synchronized void retryWith(int gen, ClientVersion refused, ClientVersion fetched, String why) {
        if (gen != generation || state != State.WAITING_TO_RECONNECT) {
            return;
        }
        if (fetched.equals(refused)) {
            stop(Ending.LOGIN_FAILED, why);
            return;
        }
        useVersion(fetched);
        connectNow();
    }

    /** The current lifecycle state. */
    public synchronized State state() {
        return state;
    }

    /** The stored credentials, if any. */
    public java.util.Optional<DeviceCredentials> credentials() {
        return store.load();
    }

    /** Sends an IQ that carries an {@code id} and completes with its answer. */
    public CompletableFuture<Node> query(Node iq) {
        ClientConnection open;
        IqTracker requests;
        synchronized (this) {
            open = connection;
            requests = tracker;
        }
        if (open == null || requests == null) {
            return CompletableFuture.failedFuture(new ConnectionClosedException("not connected"));
        }
        CompletableFuture<Node> answer = requests.register(iq.attrs().string("id"));
        open.send(iq).whenComplete((ok, error) -> {
            if (error != null) {
                answer.completeExceptionally(error);
            }
        });
        return answer;
    }

    /**
     * Links by pair code instead of QR (registration only, once {@code pair-device} arrived): completes with the
     * 8-character code the user types on the phone of {@code phone} (digits only); pairing then ends as for a QR.
     */
    public CompletableFuture<String> requestPairCode(String phone) {
        synchronized (this) {
            if (state != State.PAIRING) {
                return CompletableFuture.failedFuture(new IllegalStateException("not registering: " + state));
            }
            cancelQrTimer();
        }
        return pairCode.request(phone);
    }

    /** Hands out this account's prekey ids; every path that creates one-time prekeys must go through it. */
    public PreKeyAllocator preKeyAllocator() {
        return allocator;
    }

    /**
     * Rotates the signed prekey now if it is older than {@link ClientConfig#signedPreKeyRotation()} (the session
     * checks after each login and daily while connected); completes with true when it rotated. Needs a prekey store
     * that keeps signed prekeys too (an account store), else it never rotates.
     */
    public CompletableFuture<Boolean> rotateSignedPreKeyIfDue() {
        return preKeys.rotateIfDue();
    }

    /** A fresh IQ id for {@link #query(Node)}, unique on the current connection. */
    public synchronized String nextIqId() {
        return tracker == null ? "tryx.x" : tracker.nextId();
    }

    /** Stops: closes the connection and cancels a pending reconnect; no further reconnects. */
    @Override
    public synchronized void close() {
        if (state == State.STOPPED) {
            return;
        }
        stop(Ending.STOPPED, "closed locally");
    }

    private CompletableFuture<ClientConnection> connectNow() {
        int gen = ++generation;
        ended = false;
        ending = Ending.RECONNECT;
        endReason = null;
        connection = null;
        reading.attach(null);
        early = new ArrayList<>();
        refs.clear();
        DeviceCredentials credentials = store.load().orElseGet(() -> {
            DeviceCredentials fresh = DeviceCredentials.generate(random, clock.millis());
            store.save(fresh);
            return fresh;
        });
        state = credentials.isPaired() ? State.LOGGING_IN : State.CONNECTING;
        byte[] payload = (credentials.isPaired() ? payloads.login(credentials.deviceJid())
                : payloads.registration(credentials.registrationKeys())).toByteArray();
        IqTracker requests = new IqTracker(scheduler, config.iqTimeout(), "tryx." + gen + ".");
        tracker = requests;
        CompletableFuture<ClientConnection> attempt = connector.connect(credentials.noiseKey(), payload, new NodeListener() {
            @Override
            public void onNode(Node node) {
                ClientSession.this.onNode(gen, node);
            }

            @Override
            public void onClosed(TransportException cause) {
                ended(gen, cause == null ? "closed" : cause.getMessage());
            }
        });
        attempt.whenComplete((open, error) -> opened(gen, open, error, requests));
        return attempt;
    }

    private synchronized void opened(int gen, ClientConnection open, Throwable error, IqTracker requests) {
        if (error != null) {
            ended(gen, "connect failed: " + error.getMessage());
            return;
        }
        if (gen != generation || state == State.STOPPED) {
            open.close();
            return;
        }
        open.addInterceptor(requests::intercept);
        connection = open;
        reading.attach(open);
        List<Node> buffered = early;
        early = new ArrayList<>();
        buffered.forEach(node -> onNode(gen, node));
    }

    private synchronized void onNode(int gen, Node node) {
        if (gen != generation || ended) {
            return;
        }
        if (connection == null) {
            early.add(node);
            return;
        }
        if (tracker.intercept(node)) {
            return;
        }
        switch (node.tag()) {
            case "iq" -> onIq(node);
            case "success" -> onSuccess(node);
            case "failure" -> onFailure(node);
            case "stream:error" -> onStreamError(node);
            case "notification" -> onNotification(node);
            default -> stanzaHandlers.forEach(h -> h.accept(node));
        }
    }

    private void onIq(Node iq) {
        String id = iq.attrs().optionalString("id").orElse("");
        if (iq.child("pair-device").isPresent()) {
            connection.send(ClientNodes.result(id));
            state = State.PAIRING;
            iq.child("pair-device").get().children("ref").forEach(r -> r.contentText().ifPresent(refs::add));
            showNextQr(config.firstQrTimeout());
        } else if (iq.child("pair-success").isPresent()) {
            onPairSuccess(id, iq.child("pair-success").get());
        } else if (iq.attrs().optionalString("xmlns").filter("urn:xmpp:ping"::equals).isPresent()) {
            connection.send(ClientNodes.result(id));
        }
    }

    private void onNotification(Node notification) {
        for (Predicate<Node> handler : notificationHandlers) {
            if (handler.test(notification)) {
                return;
            }
        }
        connection.send(ClientNodes.ack(notification));
        if (notification.attrs().optionalString("type").filter("encrypt"::equals).isPresent()
                && notification.child("count").isPresent()) {
            preKeys.topUp().exceptionally(error -> null); // one-time prekeys run low
        }
        notification.child("link_code_companion_reg")
                .filter(r -> r.attrs().optionalString("stage").filter("primary_hello"::equals).isPresent())
                .map(pairCode::onPrimaryHello).ifPresent(connection::send);
    }

    private void showNextQr(Duration lifetime) {
        cancelQrTimer();
        String ref = refs.poll();
        if (ref == null) {
            return; // the server ends the stream with 408
        }
        DeviceCredentials credentials = store.load().orElseThrow();
        String qr = new QrPayload(ref, credentials.noiseKey().publicKey(), credentials.identity().publicKey().publicKey(),
                credentials.advSecret(), String.valueOf(DeviceProps.PlatformType.CHROME_VALUE)).encodeAsLink();
        emit(new ClientEvent.QrCode(qr));
        int gen = generation;
        qrTimer = scheduler.schedule(lifetime, () -> rotateQr(gen));
    }

    private synchronized void rotateQr(int gen) {
        if (gen == generation && !ended && state == State.PAIRING) {
            showNextQr(config.nextQrTimeout());
        }
    }

    private void onPairSuccess(String id, Node success) {
        cancelQrTimer();
        DeviceCredentials credentials = store.load().orElseThrow();
        try {
            byte[] identity = success.child("device-identity").flatMap(Node::contentBytes)
                    .orElseThrow(() -> new IllegalArgumentException("pair-success without device-identity"));
            Node device = success.child("device").orElseThrow(() -> new IllegalArgumentException("pair-success without device"));
            Jid jid = device.attrs().jid("jid");
            Jid lid = device.attrs().optionalJid("lid").orElse(null);
            String platform = success.child("platform").flatMap(p -> p.attrs().optionalString("name")).orElse("");
            AdvCompanion.SignedIdentity signed = AdvCompanion.verifyAndSign(identity, credentials.advSecret(),
                    credentials.identity().keyPair());
            store.save(credentials.paired(jid, lid, signed.account().toByteArray()));
            connection.send(ClientNodes.pairDeviceSign(id, signed.replyBytes(), signed.keyIndex()));
            emit(new ClientEvent.PairSuccess(jid, lid, platform));
        } catch (RuntimeException e) {
            connection.send(ClientNodes.error(id, 500, "internal-error"));
            ending = Ending.RECONNECT;
            endReason = "pairing failed: " + e.getMessage();
            connection.close();
        }
    }

    private void onSuccess(Node success) {
        DeviceCredentials credentials = store.load().orElseThrow();
        int device = credentials.deviceJid().device();
        Jid lid = success.attrs().optionalJid("lid").map(l -> l.withDevice(device)).orElse(credentials.lid());
        if (lid != null && !lid.equals(credentials.lid())) {
            credentials = credentials.withLid(lid);
            store.save(credentials);
        }
        state = State.CONNECTED;
        failedAttempts = 0;
        versionRefused = false;
        connection.startKeepAlive();
        emit(new ClientEvent.Connected(credentials.deviceJid(), credentials.lid()));
        preKeys.afterLogin();
        scheduleRotationCheck(generation);
    }

    private static long number(String text) {
        try {
            return Math.max(0, Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void onFailure(Node failure) {
        String reason = failure.attrs().optionalString("reason").orElse("");
        if (reason.equals("402")) {
            banCode = failure.attrs().optionalString("code").map(ClientSession::number).orElse(0L).intValue();
            banExpiry = java.time.Duration.ofSeconds(failure.attrs().optionalString("expire").map(ClientSession::number).orElse(0L));
        }
        if (reason.equals("401") || reason.equals("403") || reason.equals("406")) {
            ending = Ending.LOGGED_OUT; // logged out, main device gone (locked), banned: the device is no more
        } else if (!reason.startsWith("5")) {
            ending = Ending.LOGIN_FAILED; // 403 banned, 405 outdated client, ...: retrying cannot help
        }
        endReason = "failure " + reason;
        failureReason = reason;
        connection.close();
    }

    private void onStreamError(Node error) {
        String code = error.attrs().optionalString("code").orElse("");
        String conflict = error.child("conflict").flatMap(c -> c.attrs().optionalString("type")).orElse(null);
        if (code.equals("515")) {
            ending = Ending.RESTART;
        } else if (code.equals("401") || "device_removed".equals(conflict)) {
            ending = Ending.LOGGED_OUT;
        } else if ("replaced".equals(conflict)) {
            ending = Ending.REPLACED;
        } else if (code.equals("408") && state == State.PAIRING) {
            ending = Ending.QR_TIMEOUT;
        }
        endReason = "stream:error " + (conflict != null ? "conflict " + conflict : code);
        connection.close();
    }

    private synchronized void ended(int gen, String reason) {
        if (gen != generation || ended) {
            return;
        }
        ended = true;
        cancelQrTimer();
        if (rotationTimer != null) {
            rotationTimer.cancel();
        }
        if (tracker != null) {
            tracker.failAll(new ConnectionClosedException("connection ended: " + reason));
        }
        connection = null;
        reading.attach(null);
        String why = endReason != null ? endReason : reason;
        switch (ending) {
            case RESTART -> connectNow();
            case STOPPED -> { }
            case LOGIN_FAILED -> {
                if ("405".equals(failureReason) && config.versionSource() != null && !versionRefused) {
                    versionRefused = true; // outdated: refresh the version and try once more
                    state = State.WAITING_TO_RECONNECT;
                    ClientVersion refused = version;
                    config.versionSource().refresh(refused).thenAccept(fetched -> retryWith(gen, refused, fetched, why));
                } else {
                    stop(ending, why);
                }
            }
            case LOGGED_OUT, REPLACED, QR_TIMEOUT -> stop(ending, why);
            case RECONNECT -> {
                Duration delay = config.backoff().delay(failedAttempts++);
                state = State.WAITING_TO_RECONNECT;
                emit(new ClientEvent.Disconnected(why, delay));
                reconnectTimer = scheduler.schedule(delay, () -> reconnect(gen));
            }
        }
    }

    private synchronized void reconnect(int gen) {
        if (gen == generation && state == State.WAITING_TO_RECONNECT) {
            connectNow();
        }
    }

    private void stop(Ending why, String reason) {
        State before = state;
        state = State.STOPPED;
        ending = why;
        cancelQrTimer();
        if (reconnectTimer != null) {
            reconnectTimer.cancel();
        }
        if (connection != null) {
            connection.close();
        }
        switch (why) {
            case LOGGED_OUT -> {
                store.clear();
                emit(new ClientEvent.LoggedOut(reason));
            }
            case REPLACED -> emit(new ClientEvent.StreamReplaced());
            case QR_TIMEOUT -> emit(new ClientEvent.QrTimeout());
            case LOGIN_FAILED -> emit("402".equals(failureReason) ? new ClientEvent.TemporaryBan(banCode, banExpiry)
                    : new ClientEvent.LoginFailed(failureReason));
            default -> {
                if (before != State.IDLE) {
                    emit(new ClientEvent.Disconnected(reason, null));
                }
            }
        }
    }

    private void scheduleRotationCheck(int gen) {
        rotationTimer = scheduler.schedule(ROTATION_CHECK, () -> {
            synchronized (this) {
                if (gen != generation || ended || state != State.CONNECTED) {
                    return;
                }
                scheduleRotationCheck(gen);
            }
            preKeys.rotateIfDue().exceptionally(error -> false);
        });
    }

    private void cancelQrTimer() {
        if (qrTimer != null) {
            qrTimer.cancel();
            qrTimer = null;
        }
    }

    synchronized void emit(ClientEvent event) {
        events.execute(() -> listeners.forEach(l -> l.onEvent(event)));
    }

    /** As {@link #emit}; the result completes once every listener had the event. */
    synchronized CompletableFuture<Void> emitted(ClientEvent event) {
        CompletableFuture<Void> delivered = new CompletableFuture<>();
        events.execute(() -> {
            try {
                listeners.forEach(l -> l.onEvent(event));
            } finally {
                delivered.complete(null);
            }
        });
        return delivered;
    }

    /**
     * Stops ({@code true}) or resumes reading this session's socket, for backpressure (messaging's inbound backlog);
     * the last call wins and carries over to the next connection. Never blocks, takes no lock.
     */
    public void pauseReading(boolean paused) {
        reading.pause(paused);
    }
}
