package io.tryx.protocol.client;

import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.pairing.AdvPrimary;
import io.tryx.protocol.pairing.QrPayload;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The state machine against a fake connection and a manual clock. */
class ClientSessionTest {

    private static final Jid JID = Jid.parse("15550001111:3@s.whatsapp.net");
    private static final Jid LID = Jid.parse("100000000000001:3@lid");

    private final FakeConnector connector = new FakeConnector();
    private final InMemoryAccountStore store = new InMemoryAccountStore("test");
    private final MapPreKeyStore preKeys = new MapPreKeyStore();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<ClientEvent> events = new CopyOnWriteArrayList<>();
    private final ClientSession session = new ClientSession(connector, store, preKeys, ClientConfig.defaults(), scheduler,
            Runnable::run, Clock.systemUTC());

    ClientSessionTest() {
        session.addListener(events::add);
    }

    private static Node iq(String id, String type, Node child) {
        return Node.builder("iq").attr("id", id).attr("type", type).attr("from", "s.whatsapp.net").attr("xmlns", "md")
                .children(child).build();
    }

    private static Node pairDevice(String... refs) {
        return iq("pd1", "set", Node.builder("pair-device").children(
                java.util.Arrays.stream(refs).map(r -> Node.builder("ref").text(r).build()).toList()).build());
    }

    private static Node streamError(String code) {
        return Node.builder("stream:error").attr("code", code).build();
    }

    private static Node conflict(String type) {
        return Node.builder("stream:error").children(Node.builder("conflict").attr("type", type).build()).build();
    }

    @Test
    void registrationEmitsRotatingQrCodesAndAcksPairDevice() {
        session.start();
        FakeConnector.FakeConnection c = connector.last();
        assertThat(c.payload.hasDevicePairingData()).isTrue();
        assertThat(c.payload.hasUsername()).isFalse();

        c.deliver(pairDevice("r1", "r2", "r3"));
        assertThat(c.sent.getFirst().attrs().string("type")).isEqualTo("result");
        assertThat(c.sent.getFirst().attrs().string("id")).isEqualTo("pd1");
        assertThat(session.state()).isEqualTo(ClientSession.State.PAIRING);

        scheduler.advance(Duration.ofSeconds(59));
        assertThat(qrRefs()).containsExactly("r1");
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(qrRefs()).containsExactly("r1", "r2");
        scheduler.advance(Duration.ofSeconds(20));
        assertThat(qrRefs()).containsExactly("r1", "r2", "r3");
        scheduler.advance(Duration.ofSeconds(60));
        assertThat(qrRefs()).hasSize(3);

        QrPayload qr = QrPayload.parse(((ClientEvent.QrCode) events.getFirst()).qr());
        DeviceCredentials credentials = store.load().orElseThrow();
        assertThat(qr.noisePublic()).isEqualTo(credentials.noiseKey().publicKey());
        assertThat(qr.identityPublic()).isEqualTo(credentials.identity().publicKey().publicKey());
        assertThat(qr.advSecret()).isEqualTo(credentials.advSecret());

        c.deliver(streamError("408"));
        assertThat(events.getLast()).isEqualTo(new ClientEvent.QrTimeout());
        assertThat(session.state()).isEqualTo(ClientSession.State.STOPPED);
        assertThat(connector.connections).hasSize(1);
    }

    @Test
    void pairSuccessIsCountersignedThen515LogsInAndTopsUpPreKeys() {
        session.start();
        FakeConnector.FakeConnection registration = connector.last();
        registration.deliver(pairDevice("r1"));
        DeviceCredentials credentials = store.load().orElseThrow();
        KeyPair account = Curve25519.generateKeyPair();
        byte[] identity = AdvPrimary.issue(account, credentials.identity().publicKey().publicKey(),
                credentials.advSecret(), 7, 1_700_000_000L, 2);
        registration.deliver(iq("ps1", "set", Node.builder("pair-success").children(
                Node.builder("device-identity").bytes(identity).build(),
                Node.builder("platform").attr("name", "android").build(),
                Node.builder("device").attr("jid", JID).attr("lid", LID).build()).build()));

        Node sign = registration.lastSent();
        assertThat(sign.attrs().string("id")).isEqualTo("ps1");
        Node deviceIdentity = sign.child("pair-device-sign").orElseThrow().child("device-identity").orElseThrow();
        assertThat(deviceIdentity.attrs().string("key-index")).isEqualTo("2");
        AdvPrimary.verifyCountersigned(deviceIdentity.contentBytes().orElseThrow(), account.publicKey(),
                credentials.identity().publicKey().publicKey());
        assertThat(store.load().orElseThrow().deviceJid()).isEqualTo(JID);
        assertThat(events.getLast()).isEqualTo(new ClientEvent.PairSuccess(JID, LID, "android"));

        registration.deliver(streamError("515"));
        assertThat(registration.closed).isTrue();
        assertThat(connector.connections).as("515 reconnects at once").hasSize(2);
        FakeConnector.FakeConnection login = connector.last();
        assertThat(login.payload.getUsername()).isEqualTo(15550001111L);
        assertThat(login.payload.getDevice()).isEqualTo(3);
        assertThat(login.payload.getPassive()).isTrue();

        login.deliver(Node.builder("success").attr("lid", Jid.parse("100000000000001@lid")).build());
        assertThat(events.getLast()).isEqualTo(new ClientEvent.Connected(JID, LID));
        assertThat(login.keepAlive).isTrue();
        Node count = login.lastSent();
        assertThat(count.attrs().string("xmlns")).isEqualTo("encrypt");
        assertThat(count.child("count")).isPresent();
        login.deliver(Node.builder("iq").attr("id", count.attrs().string("id")).attr("type", "result")
                .children(Node.builder("count").attr("value", 0).build()).build());

        Node upload = login.lastSent();
        assertThat(upload.attrs().string("type")).isEqualTo("set");
        assertThat(upload.child("list").orElseThrow().children()).hasSize(812);
        assertThat(upload.child("registration").flatMap(Node::contentBytes).orElseThrow()).hasSize(4);
        assertThat(upload.child("skey").orElseThrow().child("signature")).isPresent();
        login.deliver(Node.builder("iq").attr("id", upload.attrs().string("id")).attr("type", "result").build());
        assertThat(events.getLast()).isEqualTo(new ClientEvent.PreKeysUploaded(812));
        assertThat(store.load().orElseThrow().nextPreKeyId()).isEqualTo(813);
        assertThat(preKeys.keys).hasSize(812).containsKeys(1, 812);
        Node firstKey = upload.child("list").orElseThrow().children().getFirst();
        assertThat(firstKey.child("value").flatMap(Node::contentBytes).orElseThrow())
                .isEqualTo(preKeys.keys.get(1).keyPair().publicKey());

        Node passive = login.lastSent();
        assertThat(passive.attrs().string("xmlns")).isEqualTo("passive");
        assertThat(passive.child("active")).isPresent();
        assertThat(session.state()).isEqualTo(ClientSession.State.CONNECTED);
    }

    @Test
    void enoughPreKeysAreNotUploadedAgain() {
        connectLoggedIn();
        FakeConnector.FakeConnection login = connector.last();
        Node count = login.lastSent();
        login.deliver(Node.builder("iq").attr("id", count.attrs().string("id")).attr("type", "result")
                .children(Node.builder("count").attr("value", 812).build()).build());
        assertThat(login.lastSent().attrs().string("xmlns")).isEqualTo("passive");
    }

    @Test
    void aLowPreKeyNotificationIsAckedAndTopsThemUp() {
        connectLoggedIn();
        FakeConnector.FakeConnection login = connector.last();
        Node count = login.lastSent();
        login.deliver(Node.builder("iq").attr("id", count.attrs().string("id")).attr("type", "result")
                .children(Node.builder("count").attr("value", 812).build()).build());
        int before = login.sent.size();

        login.deliver(Node.builder("notification").attr("id", "n1").attr("type", "encrypt").attr("from", "s.whatsapp.net")
                .children(Node.builder("count").attr("value", 3).build()).build());
        assertThat(login.sent.get(before).attrs().string("class")).isEqualTo("notification");
        Node again = login.lastSent();
        assertThat(again.attrs().string("xmlns")).isEqualTo("encrypt");
        assertThat(again.child("count")).isPresent();
        login.deliver(Node.builder("iq").attr("id", again.attrs().string("id")).attr("type", "result")
                .children(Node.builder("count").attr("value", 3).build()).build());
        assertThat(login.lastSent().child("list").orElseThrow().children("key")).hasSize(812);
    }

    @Test
    void pairCodeNeedsARegistrationConnectionAndSendsCompanionHello() {
        session.start();
        assertThat(session.requestPairCode("15550001111")).isCompletedExceptionally();
        FakeConnector.FakeConnection c = connector.last();
        c.deliver(pairDevice("r1", "r2"));
        var code = session.requestPairCode("15550001111");
        Node hello = c.lastSent();
        Node reg = hello.child("link_code_companion_reg").orElseThrow();
        assertThat(reg.attrs().string("stage")).isEqualTo("companion_hello");
        assertThat(reg.attrs().string("jid")).isEqualTo("15550001111@s.whatsapp.net");
        assertThat(reg.child("companion_server_auth_key_pub").flatMap(Node::contentBytes).orElseThrow())
                .isEqualTo(store.load().orElseThrow().noiseKey().publicKey());
        assertThat(reg.child("link_code_pairing_wrapped_companion_ephemeral_pub").flatMap(Node::contentBytes).orElseThrow())
                .hasSize(80);
        c.deliver(Node.builder("iq").attr("id", hello.attrs().string("id")).attr("type", "result").build());
        assertThat(code.join()).hasSize(8).matches("[1-9A-HJ-NP-TV-Z]{8}");
        scheduler.advance(Duration.ofSeconds(120));
        assertThat(qrRefs()).as("the QR stops rotating once a code is requested").containsExactly("r1");
    }

    @Test
    void failure401LogsOutAndWipes() {
        connectPaired();
        connector.last().deliver(Node.builder("failure").attr("reason", "401").build());
        assertThat(events.getLast()).isInstanceOf(ClientEvent.LoggedOut.class);
        assertThat(store.load()).isEmpty();
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(connector.connections).hasSize(1);
    }

    @Test
    void otherFailuresStopWithoutWipingAndServerErrorsRetry() {
        connectPaired();
        connector.last().deliver(Node.builder("failure").attr("reason", "405").build());
        assertThat(events.getLast()).isEqualTo(new ClientEvent.LoginFailed("405"));
        assertThat(store.load()).isPresent();
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(connector.connections).hasSize(1);
    }

    @Test
    void serverFailureRetries() {
        connectPaired();
        connector.last().deliver(Node.builder("failure").attr("reason", "503").build());
        assertThat(((ClientEvent.Disconnected) events.getLast()).reconnectIn()).isNotNull();
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(connector.connections).hasSize(2);
    }

    @Test
    void deviceRemovedLogsOut() {
        connectLoggedIn();
        connector.last().deliver(conflict("device_removed"));
        assertThat(events.getLast()).isInstanceOf(ClientEvent.LoggedOut.class);
        assertThat(store.load()).isEmpty();
    }

    @Test
    void replacedStopsWithoutReconnectingAndKeepsCredentials() {
        connectLoggedIn();
        connector.last().deliver(conflict("replaced"));
        assertThat(events.getLast()).isEqualTo(new ClientEvent.StreamReplaced());
        assertThat(store.load()).isPresent();
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(connector.connections).hasSize(1);
        assertThat(session.state()).isEqualTo(ClientSession.State.STOPPED);
    }

    @Test
    void dropsReconnectWithFibonacciBackoffResetBySuccess() {
        ClientSession quiet = new ClientSession(connector, store, preKeys, ClientConfig.defaults().withBackoff(new FibonacciBackoff(
                Duration.ofSeconds(1), Duration.ofSeconds(4), 0, java.util.random.RandomGenerator.of("L64X128MixRandom"))),
                scheduler, Runnable::run, Clock.systemUTC());
        quiet.addListener(events::add);
        store.save(DeviceCredentials.generate(new java.security.SecureRandom(), 0).paired(JID, LID, new byte[0]));
        quiet.start();
        connector.last().drop();
        connector.refuse = true;
        List<Duration> delays = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            delays.add(((ClientEvent.Disconnected) events.getLast()).reconnectIn());
            scheduler.advance(delays.getLast());
        }
        assertThat(delays).extracting(Duration::toSeconds).containsExactly(1L, 1L, 2L, 3L, 4L);
        connector.refuse = false;
        scheduler.advance(Duration.ofSeconds(4));
        connector.last().deliver(Node.of("success"));
        assertThat(events.getLast()).isEqualTo(new ClientEvent.Connected(JID, LID));
        connector.last().deliver(streamError("503"));
        assertThat(((ClientEvent.Disconnected) events.getLast()).reconnectIn()).isEqualTo(Duration.ofSeconds(1));

        quiet.close();
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(quiet.state()).isEqualTo(ClientSession.State.STOPPED);
        int made = connector.connections.size();
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(connector.connections).hasSize(made);
    }

    private void connectPaired() {
        store.save(DeviceCredentials.generate(new java.security.SecureRandom(), 0).paired(JID, LID, new byte[0]));
        session.start();
        assertThat(connector.last().payload.getUsername()).isEqualTo(15550001111L);
    }

    private void connectLoggedIn() {
        connectPaired();
        connector.last().deliver(Node.of("success"));
        assertThat(events.getLast()).isEqualTo(new ClientEvent.Connected(JID, LID));
    }

    private List<String> qrRefs() {
        return events.stream().filter(ClientEvent.QrCode.class::isInstance)
                .map(e -> QrPayload.parse(((ClientEvent.QrCode) e).qr()).ref()).toList();
    }
}
