package io.tryx.simulator;

import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.connection.ServerIdentity;
import io.tryx.simulator.login.LoginService;
import io.tryx.simulator.login.SessionIqs;
import io.tryx.simulator.pairing.PairingService;
import io.tryx.simulator.router.StanzaRouter;

import java.time.Instant;

/** The simulator's services wired as {@link Simulator} wires them, without sockets, on a {@link MutableClock}. */
public final class Harness {

    public final io.tryx.simulator.version.WebVersions versions = new io.tryx.simulator.version.WebVersions();
    public final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    public final ServerIdentity identity = ServerIdentity.generate(clock.instant());
    public final AccountRegistry accounts = new AccountRegistry();
    public final PairingService pairing = new PairingService(accounts, clock);
    public final io.tryx.simulator.login.DeviceSessions sessions = new io.tryx.simulator.login.DeviceSessions();
    public final io.tryx.simulator.pairing.LinkCodePairing linkCodes =
            new io.tryx.simulator.pairing.LinkCodePairing(accounts, pairing, clock);
    public final io.tryx.simulator.messaging.Messaging messaging =
            new io.tryx.simulator.messaging.Messaging(accounts, sessions, clock);
    public final io.tryx.simulator.groups.Groups groups = new io.tryx.simulator.groups.Groups(messaging, clock);
    public final io.tryx.simulator.social.Social social = new io.tryx.simulator.social.Social(accounts, sessions, messaging,
            groups, BLOBS, () -> "https://media.test", clock);
    final SimulatorHandler handler;
    private long ids;

    /** One media store for every harness of the test JVM (profile pictures), deleted at exit. */
    private static final io.tryx.simulator.media.MediaBlobs BLOBS = new io.tryx.simulator.media.MediaBlobs();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(BLOBS::close));
    }

    public Harness() {
        this((harness, router) -> { });
    }

    /** With more handlers: {@code more} registers them on the router (the harness' services already exist). */
    public Harness(java.util.function.BiConsumer<Harness, StanzaRouter> more) {
        StanzaRouter router = new StanzaRouter();
        pairing.register(router);
        SessionIqs.register(router);
        messaging.register(router);
        groups.register(router);
        social.register(router);
        more.accept(this, router);
        handler = new SimulatorHandler(pairing, linkCodes, new LoginService(accounts, clock), sessions,
                messaging.delivery(), router, versions);
    }

    /** A new client connection (not yet handshaken). */
    public TestClient client() {
        return new TestClient(this, ++ids);
    }
}
