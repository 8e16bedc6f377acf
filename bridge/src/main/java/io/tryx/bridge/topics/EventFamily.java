package io.tryx.bridge.topics;

/**
 * The event families of the contract, one topic each ({@code <prefix>.events.<token>}). The token is part of
 * the topic name and so of the public interface: never change one.
 */
public enum EventFamily {
    CONNECTION("connection"),
    MESSAGES("messages"),
    RECEIPTS("receipts"),
    PRESENCE("presence"),
    CHAT_ACTIONS("chat-actions"),
    CONTACTS("contacts"),
    GROUPS("groups"),
    CALLS("calls"),
    HISTORY("history"),
    UNDECRYPTABLE("undecryptable");

    private final String token;

    EventFamily(String token) {
        this.token = token;
    }

    /** The family's part of the topic name (and the {@code family} tag of the bridge's metrics). */
    public String token() {
        return token;
    }
}
