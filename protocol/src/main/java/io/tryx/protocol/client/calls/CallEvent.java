package io.tryx.protocol.client.calls;

/**
 * One step of a call as the server reported it to this device, with the {@link CallMeta} every step shares. A call
 * to the account starts with {@link Offered} (1:1) or {@link OfferNotice} (group calls), and ends with
 * {@link Terminated}; {@link Rejected} and {@link Accepted} come from the other side or from another device of the
 * account.
 */
public sealed interface CallEvent {

    /** The step's common part. */
    CallMeta meta();

    /** Someone calls the account: {@code video} or voice, from the caller's {@code platform} and app {@code version} (null when not sent). */
    record Offered(CallMeta meta, boolean video, String platform, String version) implements CallEvent {
    }

    /** A notice of a call (mostly group calls): {@code media} is {@code audio} or {@code video}, {@code type} {@code group} for a group call (null when not sent). */
    record OfferNotice(CallMeta meta, String media, String type) implements CallEvent {
    }

    /** The callee's device is ringing (it pre-accepted the offer). */
    record PreAccepted(CallMeta meta) implements CallEvent {
    }

    /** The call was accepted (by the other side, or by another device of the account). */
    record Accepted(CallMeta meta) implements CallEvent {
    }

    /** The call was rejected (by the other side, or by another device of the account). */
    record Rejected(CallMeta meta) implements CallEvent {
    }

    /** The call ended: {@code reason} as the server said (e.g. {@code timeout}), null when it gave none. */
    record Terminated(CallMeta meta, String reason) implements CallEvent {
    }

    /** Relay or transport negotiation of a running call ({@code relaylatency}, {@code transport}): {@code kind} is the tag. */
    record Negotiation(CallMeta meta, String kind) implements CallEvent {
    }
}
