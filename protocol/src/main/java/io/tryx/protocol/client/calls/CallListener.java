package io.tryx.protocol.client.calls;

/** Receives the account's {@link CallEvent}s, in order per call; the stanza is acknowledged once every listener returned. */
@FunctionalInterface
public interface CallListener {

    void onCall(CallEvent event);
}
