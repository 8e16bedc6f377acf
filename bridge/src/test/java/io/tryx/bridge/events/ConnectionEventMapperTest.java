package io.tryx.bridge.events;

import io.tryx.bridge.accounts.ConnectionHints;
import io.tryx.events.v1.ConnectFailure;
import io.tryx.events.v1.Connected;
import io.tryx.events.v1.ConnectionEvent;
import io.tryx.events.v1.DisconnectReason;
import io.tryx.events.v1.Disconnected;
import io.tryx.events.v1.LoggedOut;
import io.tryx.events.v1.LogoutReason;
import io.tryx.events.v1.PairCodeIssued;
import io.tryx.events.v1.Paired;
import io.tryx.events.v1.PairingTimedOut;
import io.tryx.events.v1.QrCodeIssued;
import io.tryx.events.v1.StreamReplaced;
import io.tryx.events.v1.TemporaryBan;
import io.tryx.protocol.client.ClientEvent;
import io.tryx.protocol.jid.Jid;
import io.tryx.schemas.ContractRuntime;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every lifecycle event of the runtime mapped to its ConnectionEvent state. */
class ConnectionEventMapperTest {

    private static final String ACCOUNT = "15551110000@s.whatsapp.net";
    private static final Instant NOW = Instant.parse("2025-01-02T03:04:05.678Z");
    private static final EventOrigin ORIGIN = new EventOrigin(ACCOUNT, null, ACCOUNT, "9.9.9");
    private static final ConnectionHints PLAIN = new ConnectionHints(Duration.ZERO, false, false);

    private final ConnectionEventMapper mapper = new ConnectionEventMapper(InstantSource.fixed(NOW.plusNanos(999)));

    @BeforeAll
    static void contract() {
        ContractRuntime.install();
    }

    @Test
    void aQrCodeIsIssuedWithItsExpiryAndTheHeaderOfTheAccount() throws Exception {
        ConnectionEvent event = map(new ClientEvent.QrCode("2@ref,key,id,adv,1"),
                new ConnectionHints(Duration.ofSeconds(60), false, false));

        assertThat(event.getState()).isEqualTo(QrCodeIssued.newBuilder().setCode("2@ref,key,id,adv,1")
                .setExpiresAt(NOW.plusSeconds(60)).build());
        assertThat(event.getAccount()).isEqualTo(ACCOUNT);
        assertThat(event.getChat()).isEqualTo(ACCOUNT);
        assertThat(event.getTimestamp()).isEqualTo(NOW);
        assertThat(event.getEventId()).isEqualTo(EventIds.derive(ACCOUNT, ACCOUNT, Long.toString(NOW.toEpochMilli()),
                EventKind.CONNECTION_QR_CODE_ISSUED));
        assertThat(event.getSource().getDevice()).isEqualTo(ACCOUNT);
        assertThat(ConnectionEvent.fromByteBuffer(event.toByteBuffer())).isEqualTo(event);
    }

    @Test
    void pairingLoginAndPairCodes() {
        Jid device = Jid.parse("15551110000:4@s.whatsapp.net");
        Jid lid = Jid.parse("99887766554433:4@lid");
        assertThat(map(new ClientEvent.PairSuccess(device, lid, "android"), PLAIN).getState()).isEqualTo(Paired.newBuilder()
                .setDevice(device.toString()).setLid(lid.toString()).setPlatform("android").build());
        assertThat(map(new ClientEvent.Connected(device, lid), PLAIN).getState())
                .isEqualTo(Connected.newBuilder().setLid(lid.toString()).build());
        assertThat(mapper.pairCodeIssued(ORIGIN, "ABCD1234").getState())
                .isEqualTo(PairCodeIssued.newBuilder().setCode("ABCD1234").build());
        assertThat(map(new ClientEvent.QrTimeout(), PLAIN).getState())
                .isEqualTo(PairingTimedOut.newBuilder().setMode("qr").build());
        assertThat(map(new ClientEvent.QrTimeout(), new ConnectionHints(Duration.ZERO, true, false)).getState())
                .isEqualTo(PairingTimedOut.newBuilder().setMode("pair_code").build());
        assertThat(mapper.map(ORIGIN, new ClientEvent.PreKeysUploaded(812), PLAIN)).isEmpty();
    }

    @Test
    void disconnectsSayWhyAndWhetherTheBridgeReconnects() {
        Disconnected dropped = (Disconnected) map(new ClientEvent.Disconnected("stream:error 515", Duration.ofMillis(1500)),
                PLAIN).getState();
        assertThat(dropped.getReason()).isEqualTo(DisconnectReason.RESTART_REQUIRED);
        assertThat(dropped.getWillReconnect()).isTrue();
        assertThat(dropped.getReconnectInMillis()).contains(1500L);
        assertThat(dropped.getDetail()).contains("stream:error 515");

        assertThat(reason("closed locally", null)).isEqualTo(DisconnectReason.SHUTDOWN);
        assertThat(reason("stream:error 503", Duration.ofSeconds(1))).isEqualTo(DisconnectReason.SERVICE_UNAVAILABLE);
        assertThat(reason("ping tryx.1 unanswered after 20 s", Duration.ofSeconds(1))).isEqualTo(DisconnectReason.KEEPALIVE_TIMEOUT);
        assertThat(reason("closed", Duration.ofSeconds(1))).isEqualTo(DisconnectReason.SERVER_CLOSED);
        assertThat(reason("connect failed: Connection refused", Duration.ofSeconds(1))).isEqualTo(DisconnectReason.NETWORK_ERROR);
        assertThat(((Disconnected) map(new ClientEvent.Disconnected("closed locally", null), PLAIN).getState())
                .getWillReconnect()).isFalse();
    }

    @Test
    void logoutsReplacementsBansAndRefusedLogins() {
        assertThat(map(new ClientEvent.LoggedOut("stream:error conflict device_removed"), PLAIN).getState())
                .isEqualTo(LoggedOut.newBuilder().setReason(LogoutReason.LOGGED_OUT_BY_PHONE).setOnConnect(false).build());
        assertThat(map(new ClientEvent.LoggedOut("failure 401"), PLAIN).getState())
                .isEqualTo(LoggedOut.newBuilder().setReason(LogoutReason.LOGGED_OUT_BY_PHONE).setOnConnect(true).build());
        assertThat(map(new ClientEvent.LoggedOut("stream:error conflict device_removed"),
                new ConnectionHints(Duration.ZERO, false, true)).getState())
                .isEqualTo(LoggedOut.newBuilder().setReason(LogoutReason.CLIENT_REQUESTED).setOnConnect(false).build());
        assertThat(map(new ClientEvent.StreamReplaced(), PLAIN).getState()).isEqualTo(StreamReplaced.newBuilder().build());
        assertThat(map(new ClientEvent.LoginFailed("402"), PLAIN).getState()).isInstanceOf(TemporaryBan.class);
        assertThat(map(new ClientEvent.LoginFailed("403"), PLAIN).getState())
                .isEqualTo(LoggedOut.newBuilder().setReason(LogoutReason.MAIN_DEVICE_GONE).setOnConnect(true).build());
        assertThat(map(new ClientEvent.LoginFailed("406"), PLAIN).getState())
                .isEqualTo(LoggedOut.newBuilder().setReason(LogoutReason.UNKNOWN_LOGOUT).setOnConnect(true).build());
        assertThat(map(new ClientEvent.LoginFailed("405"), PLAIN).getState())
                .isEqualTo(ConnectFailure.newBuilder().setCode(405).setDetail("failure 405").build());
        assertThat(map(new ClientEvent.LoggedOut("failure 403"), PLAIN).getState())
                .isEqualTo(LoggedOut.newBuilder().setReason(LogoutReason.MAIN_DEVICE_GONE).setOnConnect(true).build());
        assertThat(map(new ClientEvent.LoggedOut("failure 406"), PLAIN).getState())
                .isEqualTo(LoggedOut.newBuilder().setReason(LogoutReason.UNKNOWN_LOGOUT).setOnConnect(true).build());
        assertThat(map(new ClientEvent.TemporaryBan(101, Duration.ofHours(2)), PLAIN).getState())
                .isEqualTo(TemporaryBan.newBuilder().setCode(101).setExpiresAt(NOW.plus(Duration.ofHours(2))).build());
        assertThat(map(new ClientEvent.TemporaryBan(104, Duration.ZERO), PLAIN).getState())
                .isEqualTo(TemporaryBan.newBuilder().setCode(104).build());
        ConnectionEvent banned = map(new ClientEvent.LoginFailed("402"), PLAIN);
        assertThat(banned.getEventId()).isEqualTo(EventIds.derive(ACCOUNT, ACCOUNT, Long.toString(NOW.toEpochMilli()),
                EventKind.CONNECTION_TEMPORARY_BAN));
    }

    private DisconnectReason reason(String detail, Duration reconnectIn) {
        return ((Disconnected) map(new ClientEvent.Disconnected(detail, reconnectIn), PLAIN).getState()).getReason();
    }

    private ConnectionEvent map(ClientEvent event, ConnectionHints hints) {
        return mapper.map(ORIGIN, event, hints).orElseThrow();
    }
}
