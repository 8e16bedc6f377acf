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
 * kept once per chat (a seeded or repeated id replaces the earlier one). Thread-safe.
 */
public final class ChatHistory {

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

    private final Map<String, Map<String, Message>> chats = new LinkedHashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> pushNames = new LinkedHashMap<>();

    public synchronized void add(Message message) {
        chats.computeIfAbsent(message.chat(), c -> new LinkedHashMap<>()).put(message.id(), message);
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
        List<Conversation> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Message>> chat : chats.entrySet()) {
            List<Message> messages = new ArrayList<>(chat.getValue().values());
            messages.sort(Comparator.comparingLong(Message::timestamp).reversed());
            out.add(new Conversation(chat.getKey(), names.get(chat.getKey()), messages));
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
        return chats.values().stream().mapToInt(Map::size).sum();
    }
}
