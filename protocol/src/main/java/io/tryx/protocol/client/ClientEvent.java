package io.tryx.protocol.client;

import io.tryx.protocol.jid.Jid;

import java.time.Duration;

/** What a {@link ClientSession} reports to its listeners, in order. */
public sealed interface ClientEvent {

    /** A QR text to show (registration); a new one replaces the previous as the server's refs rotate. */
    record QrCode(String qr) implements ClientEvent {
    }

    /** The phone linked this device; the session restarts and logs in next. */
    record PairSuccess(Jid jid, Jid lid, String platform) implements ClientEvent {
    }

    /** Logged in ({@code success}). */
    record Connected(Jid jid, Jid lid) implements ClientEvent {
    }

    /** One-time prekeys were uploaded after login. */
    record PreKeysUploaded(int count) implements ClientEvent {
    }

    /** The signed prekey was replaced by a new one with {@code id} (the server hands it out from now on). */
    record SignedPreKeyRotated(int id) implements ClientEvent {
    }

    /**
     * After login the server announces what it queued while this device was offline ({@code total} stanzas: messages,
     * notifications, receipts, app-state changes); delivered before any of those messages is handled.
     */
    record OfflineSyncPreview(int total, int messages, int notifications, int receipts, int appDataChanges)
            implements ClientEvent {
    }

    /** The server delivered the {@code count} stanzas it had queued; every message among them was handled before. */
    record OfflineSyncCompleted(int count) implements ClientEvent {
    }

    /** The connection ended; {@code reconnectIn} is null when the session does not reconnect. */
    record Disconnected(String reason, Duration reconnectIn) implements ClientEvent {
    }

    /** The device was unlinked or its login refused (401): credentials are wiped; the session stops. */
    record LoggedOut(String reason) implements ClientEvent {
    }

    /** Another connection of this device replaced ours; the session stops (no auto-reconnect). */
    record StreamReplaced() implements ClientEvent {
    }

    /**
     * The account is temporarily banned ({@code failure 402}): {@code code} is the server's reason (101 messages to
     * too many strangers, 102 blocked by too many users, 103 too many groups, 104 the same message too often, 106
     * broadcast lists), {@code expiresIn} how long it lasts as the server said (zero when it did not); the session stops.
     */
    record TemporaryBan(int code, Duration expiresIn) implements ClientEvent {
    }

    /** The server refused the login ({@code failure} other than 401/5xx, e.g. 403 banned, 405 outdated); the session stops. */
    record LoginFailed(String reason) implements ClientEvent {
    }

    /** No QR was scanned before the server's refs ran out; the session stops. */
    record QrTimeout() implements ClientEvent {
    }
}
