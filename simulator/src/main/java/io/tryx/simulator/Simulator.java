package io.tryx.simulator;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.appstate.AppStateService;
import io.tryx.simulator.history.HistorySyncBlobs;
import io.tryx.simulator.phone.CompanionBootstrap;
import io.tryx.simulator.admin.AdminServer;
import io.tryx.simulator.connection.ServerIdentity;
import io.tryx.simulator.groups.Groups;
import io.tryx.simulator.login.DeviceSessions;
import io.tryx.simulator.login.LoginService;
import io.tryx.simulator.login.SessionIqs;
import io.tryx.simulator.messaging.Messaging;
import io.tryx.simulator.pairing.LinkCodePairing;
import io.tryx.simulator.phone.MockPhones;
import io.tryx.simulator.phone.PhoneMedia;
import io.tryx.simulator.pairing.PairingService;
import io.tryx.simulator.router.StanzaRouter;
import io.tryx.simulator.social.Social;
import io.tryx.simulator.devices.IdentityResets;
import io.tryx.simulator.contacts.AccountNotifier;
import io.tryx.simulator.media.MediaAuth;
import io.tryx.simulator.media.MediaBlobs;
import io.tryx.simulator.media.MediaConnHandler;
import io.tryx.simulator.media.MediaServer;
import io.tryx.simulator.version.VersionEndpoints;
import io.tryx.simulator.version.WebVersions;
import io.tryx.simulator.tls.SelfSignedTls;
import io.tryx.simulator.transport.ChatServer;

import java.security.cert.X509Certificate;

import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * The WhatsApp server simulator, usable in-process: {@link #start(SimulatorConfig)} binds the chat
 * WebSocket ({@code wss} with TLS on), the HTTPS media server and the admin API (port 0 picks free ports, see
 * {@link #port()}, {@link #adminPort()}, {@link #mediaUrl()}), {@link #close()} stops them all.
 */
public final class Simulator implements AutoCloseable {

    /** The largest media upload accepted: WhatsApp's largest, that of documents (2 GiB). */
    public static final long MAX_UPLOAD_BYTES = 2L << 30;

    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
    private final SimulatorConfig config;
    private final ServerIdentity identity;
    private final AccountRegistry accounts = new AccountRegistry();
    private final PairingService pairing;
    private final DeviceSessions sessions = new DeviceSessions();
    private final io.tryx.simulator.login.LoginRefusals refusals = new io.tryx.simulator.login.LoginRefusals();
    private final LinkCodePairing linkCodes;
    private final SimulatorHandler handler;
    private final Messaging messaging;
    private final MockPhones phones;
    private final SelfSignedTls tls;
    private final MediaAuth mediaAuth;
    private final MediaBlobs blobs = new MediaBlobs();
    private final Groups groups;
    private final AppStateService appState;
    private final CompanionBootstrap bootstrap;
    private final Social social;
    private final IdentityResets identityResets;
    private final io.tryx.simulator.newsletter.Newsletters newsletters;
    private final WebVersions versions = new WebVersions();
    private final io.tryx.simulator.calls.CallService calls;
    private ChatServer chat;
    private AdminServer admin;
    private MediaServer media;

    private Simulator(SimulatorConfig config) {
        this.config = config;
        this.identity = ServerIdentity.generate(config.clock().instant());
        this.tls = SelfSignedTls.generate(config.host(), config.clock().instant());
        this.mediaAuth = new MediaAuth(config.clock());
        this.pairing = new PairingService(accounts, config.clock());
        this.linkCodes = new LinkCodePairing(accounts, pairing, config.clock());
        StanzaRouter router = new StanzaRouter();
        pairing.register(router);
        this.messaging = new Messaging(accounts, sessions, config.clock());
        messaging.register(router);
        router.iq("w:m", "media_conn", new MediaConnHandler(mediaAuth, () -> media.hostname(), MAX_UPLOAD_BYTES));
        this.groups = new Groups(messaging, config.clock());
        groups.register(router);
        this.social = new Social(accounts, sessions, messaging, groups, blobs, () -> media.url(), config.clock());
        social.register(router);
        this.newsletters = new io.tryx.simulator.newsletter.Newsletters(accounts, messaging.delivery(), config.clock());
        newsletters.register(router);
        this.phones = new MockPhones(accounts, messaging, groups, config.clock(), new PhoneMedia(blobs, () -> media.url()),
                config.phoneInboxLimit());
        this.identityResets = new IdentityResets(phones, social.contacts(),
                new AccountNotifier(messaging.delivery(), config.clock()));
        this.appState = new AppStateService(messaging.delivery(), blobs, config.clock());
        appState.register(router);
        this.bootstrap = new CompanionBootstrap(phones, appState, new HistorySyncBlobs(blobs));
        SessionIqs.register(router, bootstrap::keysUploaded);
        this.calls = new io.tryx.simulator.calls.CallService(messaging.directory(), sessions, config.clock());
        calls.register(router);
        this.handler = new SimulatorHandler(pairing, linkCodes, new LoginService(accounts, config.clock(), refusals), sessions,
                messaging.delivery(), router, versions);
    }

    /** Starts a simulator; fails if a port cannot be bound. */
    public static Simulator start(SimulatorConfig config) throws InterruptedException {
        Simulator simulator = new Simulator(config);
        try {
            simulator.media = new MediaServer(simulator.boss, simulator.workers, config.host(), config.mediaPort(),
                    simulator.tls.serverContext(), simulator.blobs, simulator.mediaAuth, MAX_UPLOAD_BYTES);
            simulator.chat = new ChatServer(simulator.boss, simulator.workers, config.host(), config.port(),
                    config.tls() ? simulator.tls.serverContext() : null, simulator.identity, simulator.handler,
                    config.compressAbove());
            simulator.admin = new AdminServer(simulator.boss, simulator.workers, config.host(), config.adminPort(),
                    simulator.accounts, simulator.pairing, simulator.linkCodes, simulator.sessions, simulator.phones,
                    simulator.groups, simulator.appState, simulator::stats, () -> java.util.Map.of("certificatePem", simulator.tls.pem()));
            simulator.admin.api().extend(simulator.social.adminEndpoints());
            simulator.admin.api().extend(new io.tryx.simulator.login.LoginRefusalEndpoints(simulator.refusals,
                    simulator.accounts, simulator.sessions));
            simulator.admin.api().extend(simulator.identityResets.adminEndpoints(simulator.accounts));
            simulator.admin.api().extend(new VersionEndpoints(simulator.versions));
            simulator.admin.api().extend(simulator.newsletters.adminEndpoints());
            simulator.admin.api().extend(simulator.calls.adminEndpoints(simulator.accounts));
        } catch (RuntimeException | InterruptedException e) {
            simulator.close();
            throw e;
        }
        return simulator;
    }

    public int port() {
        return chat.port();
    }

    public int adminPort() {
        return admin.port();
    }

    /** {@code ws://host:port/ws/chat}, or {@code wss://} with TLS on. */
    public String chatUrl() {
        return (config.tls() ? "wss://" : "ws://") + config.host() + ":" + port() + ChatServer.PATH;
    }

    /** {@code https://host:port} of the media server. */
    public String mediaUrl() {
        return media.url();
    }

    /** The self-signed certificate of the media server (and of {@code wss}); clients must trust it. */
    public X509Certificate tlsCertificate() {
        return tls.certificate();
    }

    /** {@link #tlsCertificate()} in PEM. */
    public String tlsCertificatePem() {
        return tls.pem();
    }

    /** The uploaded media blobs. */
    public MediaBlobs media() {
        return blobs;
    }

    public String adminUrl() {
        return "http://" + config.host() + ":" + adminPort();
    }

    /** The root key clients must trust in place of WhatsApp's. */
    public byte[] rootPublicKey() {
        return identity.rootPublicKey();
    }

    public String rootPublicKeyBase64() {
        return Base64.getEncoder().encodeToString(identity.rootPublicKey());
    }

    public AccountRegistry accounts() {
        return accounts;
    }

    public Groups groups() {
        return groups;
    }

    /** The app state store and the mock phones' app state. */
    public AppStateService appState() {
        return appState;
    }

    /** The mock phones. */
    public MockPhones phones() {
        return phones;
    }

    /** How many linked companions the mock phones sent their app-state key and history so far. */
    public int bootstrapped() {
        return bootstrap.completed();
    }

    /** Presence, privacy, blocklist, profiles and device list notifications. */
    public Social social() {
        return social;
    }

    /** The newsletters (WhatsApp Channels) the server knows. */
    public io.tryx.simulator.newsletter.NewsletterDirectory newsletters() {
        return newsletters.directory();
    }

    /** Calls placed through the admin API. */
    public io.tryx.simulator.calls.CallService calls() {
        return calls;
    }

    /** How many stanzas wait in the offline queue of device {@code deviceId} of {@code phone}. */
    public int queued(String phone, int deviceId) {
        return messaging.delivery().queued(io.tryx.protocol.jid.Jid.device(phone, deviceId, "s.whatsapp.net"));
    }

    /** How many messages were written to device {@code deviceId} of {@code phone} and not acknowledged yet. */
    public int unacknowledged(String phone, int deviceId) {
        return messaging.delivery().unacknowledged(io.tryx.protocol.jid.Jid.device(phone, deviceId, "s.whatsapp.net"));
    }

    /** The web client versions: the current one ({@code sw.js}) and the oldest that may log in. */
    public WebVersions versions() {
        return versions;
    }

    /**
     * Current counts: open chat connections, accounts, linked devices, and what the bounded structures dropped so
     * far: mock phone inbox entries and history messages beyond the phone limit, stanzas beyond a device's offline
     * queue or unacknowledged window.
     */
    public Stats stats() {
        MockPhones.Dropped dropped = phones.dropped();
        return new Stats(handler.openConnections(), accounts.accounts().size(), accounts.deviceCount(),
                dropped.inbox(), dropped.history(), messaging.delivery().dropped());
    }

    @Override
    public void close() {
        if (chat != null) {
            chat.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (media != null) {
            media.close();
        }
        bootstrap.close();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        blobs.close();
    }

    /** The admin API's {@code GET /admin/stats}. */
    public record Stats(int connections, int accounts, int devices, long phoneInboxDropped, long phoneHistoryDropped,
                        long deliveryDropped) {
    }
}
