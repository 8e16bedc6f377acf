package io.tryx.bridge.events;

/**
 * Record keys of the event topics. Events about a chat are keyed {@code <account>|<chat>} (both JIDs as in the
 * records; JIDs never contain {@code |}), so each chat of each account stays in one partition, in order, while
 * the chats of one busy account spread over the partitions. Connection events are keyed by the account alone.
 */
public final class EventKeys {

    private EventKeys() {
    }

    /** The key of an event about {@code chat} of {@code account}. */
    public static String chat(String account, String chat) {
        return account + "|" + chat;
    }

    /** The key of an account-wide event (connection). */
    public static String account(String account) {
        return account;
    }
}
