package io.tryx.protocol.store;

/**
 * A durable backend could not read or write an account's state (database unreachable, constraint
 * violated, pool exhausted, backend closed). When thrown by {@link AccountStore#apply} nothing of the
 * list was applied. Unchecked: callers that can recover (drop the message, retry later) catch it.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
