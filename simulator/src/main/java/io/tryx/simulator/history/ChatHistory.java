package io.tryx.simulator.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a mock phone remembers of its chats, for history sync: the messages it received and sent (1:1 and
 * group), messages seeded through the admin API, chat names and the push names it has seen. A message id is
 * kept once per chat (a seeded or repeated id replaces the earlier one). Bounded: it keeps the {@code limit}
 * messages added last over all chats, dropping (and counting) the oldest, so a long soak stays within memory.
 * Thread-safe.
 */
public final class ChatHistory {

    /** The number of messages kept when no limit is given. */
    public static final int DEFAULT_LIMIT = 1000;

    /** One message of a chat; {@code participant} is the author in a group chat when not from the phone's account. */
    public record Message(String chat, String id, boolean fromMe, String participant, String text, long timestamp) {
    }

    /** A chat with its messages, newest first. */
    public record Conversation(String jid, String name, List<Message> messages) {
        public Conversation {
            messages = List.copyOf(messages);
        }

        public long lastTimestamp() {
            return messages.isEmpty() ? 0 : messages.getFirst().timestamp();
        }
    }

    private record Key(String chat, String id) {
    }

    private final int limit;
    /** Every message kept, in the order added (a replaced id moves to the end). */
    private final LinkedHashMap<Key, Message> messages = new LinkedHashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> pushNames = new LinkedHashMap<>();
    private long dropped;
    private int chunkMessages;
    private boolean corruptNextSync;

    public ChatHistory() {
        this(DEFAULT_LIMIT);
    }

    public ChatHistory(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
    }

    public synchronized void add(Message message) {
        Key key = new Key(message.chat(), message.id());
        messages.remove(key);
        messages.put(key, message);
        while (messages.size() > limit) {
            var oldest = messages.keySet().iterator();
            oldest.next();
            oldest.remove();
            dropped++;
        }
    }

    /** Names a chat (a contact's or group's display name). */
    public synchronized void name(String chat, String name) {
        names.put(chat, name);
    }

    /** Records the push name a user goes by. */
    public synchronized void pushName(String jid, String name) {
        if (name != null && !name.isEmpty()) {
            pushNames.put(jid, name);
        }
    }

    /** The chats, the most recently active first. */
    public synchronized List<Conversation> conversations() {
        Map<String, List<Message>> byChat = new LinkedHashMap<>();
        for (Message message : messages.values()) {
            byChat.computeIfAbsent(message.chat(), c -> new ArrayList<>()).add(message);
        }
        List<Conversation> out = new ArrayList<>();
        for (Map.Entry<String, List<Message>> chat : byChat.entrySet()) {
            List<Message> sorted = new ArrayList<>(chat.getValue());
            sorted.sort(Comparator.comparingLong(Message::timestamp).reversed());
            out.add(new Conversation(chat.getKey(), names.get(chat.getKey()), sorted));
        }
        out.sort(Comparator.comparingLong(Conversation::lastTimestamp).reversed());
        return out;
    }

    public synchronized Map<String, String> pushNames() {
        return Map.copyOf(pushNames);
    }

    public synchronized Optional<String> name(String chat) {
        return Optional.ofNullable(names.get(chat));
    }

    public synchronized int messageCount() {
        return messages.size();
    }

    /**
     * Splits the initial bootstrap into chunks of about {@code messages} messages each (whole conversations; one
     * larger than that gets a chunk of its own); 0 sends every conversation in one chunk (the default).
     */
    public synchronized void chunkMessages(int messages) {
        if (messages < 0) {
            throw new IllegalArgumentException("chunkMessages must not be negative");
        }
        this.chunkMessages = messages;
    }

    public synchronized int chunkMessages() {
        return chunkMessages;
    }

    /** Fault injection: the first history blob of the next companion's sync is stored with a flipped byte. */
    public synchronized void corruptNextSync() {
        corruptNextSync = true;
    }

    /** True (once) when the next sync's first blob is to be corrupted. */
    public synchronized boolean takeCorruption() {
        boolean corrupt = corruptNextSync;
        corruptNextSync = false;
        return corrupt;
    }

    /** How many messages were dropped to stay within the limit. */
    public synchronized long dropped() {
        return dropped;
    }
}
