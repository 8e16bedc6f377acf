package io.tryx.bridge.events;

import io.tryx.events.v1.ConnectFailure;
import io.tryx.events.v1.Connected;
import io.tryx.events.v1.ConnectionEvent;
import io.tryx.events.v1.DisconnectReason;
import io.tryx.events.v1.Disconnected;
import io.tryx.events.v1.LoggedOut;
import io.tryx.events.v1.LogoutReason;
import io.tryx.events.v1.PairCodeIssued;
import io.tryx.events.v1.OfflineSyncCompleted;
import io.tryx.events.v1.OfflineSyncStarted;
import io.tryx.events.v1.Paired;
import io.tryx.events.v1.PairingTimedOut;
import io.tryx.events.v1.QrCodeIssued;
import io.tryx.events.v1.StreamReplaced;
import io.tryx.events.v1.TemporaryBan;
import io.tryx.bridge.accounts.ConnectionHints;
import io.tryx.protocol.client.ClientEvent;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;
import io.tryx.schemas.EventSubjects;
import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Maps the protocol runtime's lifecycle events ({@link ClientEvent}) to {@link ConnectionEvent} records: QR code,
 * pair success, login, disconnects (with a reason read from the session's description), logout, replacement,
 * login failures by code (402 temporary ban, 403 and 406 logouts on connect, others connect failures) and QR
 * timeout, the offline queue's announcement and end ({@code OfflineSyncStarted}, {@code OfflineSyncCompleted}).
 * {@code PreKeysUploaded} is internal and maps to nothing. The timestamp is the mapping time (whole
 * milliseconds, so the event id's subject round-trips through Avro).
 */
public final class ConnectionEventMapper {

    private final InstantSource clock;

    public ConnectionEventMapper(InstantSource clock) {
        this.clock = clock;
    }

    /** The record for {@code event}, or empty when it is not part of the contract. */
    public Optional<ConnectionEvent> map(EventOrigin origin, ClientEvent event, ConnectionHints hints) {
        Instant now = now();
        SpecificRecord state = switch (event) {
            case ClientEvent.QrCode qr -> QrCodeIssued.newBuilder().setCode(qr.qr())
                    .setExpiresAt(now.plus(hints.qrLifetime())).build();
            case ClientEvent.PairSuccess paired -> Paired.newBuilder().setDevice(paired.jid().toString())
                    .setLid(paired.lid() == null ? null : paired.lid().toString())
                    .setPlatform(paired.platform() == null || paired.platform().isEmpty() ? null : paired.platform())
                    .build();
            case ClientEvent.Connected connected -> Connected.newBuilder()
                    .setLid(connected.lid() == null ? null : connected.lid().toString()).build();
            case ClientEvent.Disconnected disconnected -> disconnected(disconnected);
            case ClientEvent.LoggedOut loggedOut -> LoggedOut.newBuilder()
                    .setReason(logoutReason(loggedOut.reason(), hints))
                    .setOnConnect(loggedOut.reason() != null && loggedOut.reason().startsWith("failure"))
                    .build();
            case ClientEvent.StreamReplaced ignored -> StreamReplaced.newBuilder().build();
            case ClientEvent.LoginFailed failed -> loginFailed(failed.reason());
            case ClientEvent.TemporaryBan ban -> TemporaryBan.newBuilder().setCode(ban.code())
                    .setExpiresAt(ban.expiresIn().isZero() ? null : now.plus(ban.expiresIn())).build();
            case ClientEvent.QrTimeout ignored -> PairingTimedOut.newBuilder()
                    .setMode(hints.pairCodeMode() ? "pair_code" : "qr").build();
            case ClientEvent.PreKeysUploaded ignored -> null;
            case ClientEvent.SignedPreKeyRotated ignored -> null;
            case ClientEvent.OfflineSyncPreview preview -> OfflineSyncStarted.newBuilder().setTotal(preview.total())
                    .setMessages(preview.messages()).setNotifications(preview.notifications())
                    .setReceipts(preview.receipts()).setAppDataChanges(preview.appDataChanges()).build();
            case ClientEvent.OfflineSyncCompleted completed ->
                    OfflineSyncCompleted.newBuilder().setCount(completed.count()).build();
        };
        return Optional.ofNullable(state).map(s -> build(origin, now, s));
    }

    /** A pair code to type on the phone (the runtime answers it to a request, it is no lifecycle event). */
    public ConnectionEvent pairCodeIssued(EventOrigin origin, String code) {
        return build(origin, now(), PairCodeIssued.newBuilder().setCode(code).build());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ConnectionEvent build(EventOrigin origin, Instant timestamp, SpecificRecord state) {
        String account = origin.account();
        return ConnectionEvent.newBuilder()
                .setEventId(EventIds.derive(account, account, EventSubjects.at(timestamp), EventKind.of(state)))
                .setAccount(account)
                .setChat(account)
                .setTimestamp(timestamp)
                .setSource(origin.source(null))
                .setState(state)
                .build();
    }

    private static Disconnected disconnected(ClientEvent.Disconnected event) {
        String detail = event.reason() == null ? "" : event.reason();
        return Disconnected.newBuilder()
                .setReason(disconnectReason(detail))
                .setWillReconnect(event.reconnectIn() != null)
                .setReconnectInMillis(event.reconnectIn() == null ? null : event.reconnectIn().toMillis())
                .setDetail(detail.isEmpty() ? null : detail)
                .build();
    }

    /** The session describes why a connection ended in words ({@code stream:error 515}, {@code closed locally}, ...). */
    static DisconnectReason disconnectReason(String detail) {
        if (detail.equals("closed locally")) {
            return DisconnectReason.SHUTDOWN;
        }
        if (detail.startsWith("stream:error 515")) {
            return DisconnectReason.RESTART_REQUIRED;
        }
        if (detail.startsWith("stream:error 503") || detail.startsWith("failure 5")) {
            return DisconnectReason.SERVICE_UNAVAILABLE;
        }
        if (detail.contains("unanswered")) {
            return DisconnectReason.KEEPALIVE_TIMEOUT;
        }
        if (detail.startsWith("stream:error") || detail.equals("closed")) {
            return DisconnectReason.SERVER_CLOSED;
        }
        return DisconnectReason.NETWORK_ERROR;
    }

    /** Why the device was logged out: asked by us, the main device gone (403), banned (406), or the phone unlinked it. */
    private static LogoutReason logoutReason(String reason, ConnectionHints hints) {
        if (hints.logoutRequested()) {
            return LogoutReason.CLIENT_REQUESTED;
        }
        return switch (reason == null ? "" : reason.trim()) {
            case "failure 403" -> LogoutReason.MAIN_DEVICE_GONE;
            case "failure 406" -> LogoutReason.UNKNOWN_LOGOUT;
            default -> LogoutReason.LOGGED_OUT_BY_PHONE;
        };
    }

    private static SpecificRecord loginFailed(String reason) {
        String code = reason == null ? "" : reason.trim();
        return switch (code) {
            case "402" -> TemporaryBan.newBuilder().setCode(0).build(); // the runtime reports bans as TemporaryBan
            case "403" -> LoggedOut.newBuilder().setReason(LogoutReason.MAIN_DEVICE_GONE).setOnConnect(true).build();
            case "406" -> LoggedOut.newBuilder().setReason(LogoutReason.UNKNOWN_LOGOUT).setOnConnect(true).build();
            default -> ConnectFailure.newBuilder().setCode(parseCode(code)).setDetail(code.isEmpty() ? null : "failure " + code)
                    .build();
        };
    }

    private static int parseCode(String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
