package io.tryx.bridge.commands;

import io.tryx.commands.v1.CommandResult;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The results of the last {@code capacity} commands by account and command id, so a repeated command (a caller
 * retrying, or a redelivery after a crash between result and offset commit) gets its first result again instead
 * of acting twice. Held in memory, bounded, and filled on start (and on every partition assignment) from the results
 * topic by {@link ResultHistory}, so it survives restarts for as long as the results are kept. Thread-safe.
 */
final class ResultMemo {

    /** A remembered outcome and the action it was for ({@code null} when read back from a result without it). */
    record Remembered(String action, CommandResult result) {
    }

    private final Map<String, Remembered> entries;

    ResultMemo(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<Remembered> find(String account, String commandId) {
        return Optional.ofNullable(entries.get(key(account, commandId)));
    }

    /** Remembers the first result for a command id; later ones for the same id are ignored. */
    synchronized void remember(String account, String commandId, String action, CommandResult result) {
        entries.putIfAbsent(key(account, commandId), new Remembered(action, result));
    }

    synchronized int size() {
        return entries.size();
    }

    private static String key(String account, String commandId) {
        return account + "\u0000" + commandId;
    }
}
