package io.tryx.simulator.history;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A generated chat history for load tests, without sending megabytes of JSON: {@code conversations} 1:1 chats
 * {@code 1555800CCCC@s.whatsapp.net} named {@code Chat C}, whose users go by the push name {@code Contact C}, each
 * with {@code messages} texts {@code H<C>-<M>} reading {@code history C/M } followed by pseudo-random lowercase
 * letters up to {@code textBytes} (so they do not deflate to nothing); every fourth message is the phone's own;
 * chat 0 is the most recent, each chat's message 0 its newest.
 */
public record GeneratedHistory(int conversations, int messages, int textBytes, long now) {

    public static final int DEFAULT_TEXT_BYTES = 64;
    public static final int MAX_CONVERSATIONS = 10_000;
    public static final int MAX_MESSAGES = 100_000;
    public static final int MAX_TEXT_BYTES = 4096;

    /** A valid generation request, or empty. */
    public static Optional<GeneratedHistory> of(int conversations, int messages, int textBytes, long now) {
        if (conversations < 1 || conversations > MAX_CONVERSATIONS || messages < 1 || messages > MAX_MESSAGES
                || textBytes < 16 || textBytes > MAX_TEXT_BYTES) {
            return Optional.empty();
        }
        return Optional.of(new GeneratedHistory(conversations, messages, textBytes, now));
    }

    /** The JID of generated chat {@code c}. */
    public static String chat(int c) {
        return String.format("1555800%04d@s.whatsapp.net", c);
    }

    /** The text of message {@code m} of chat {@code c} begins with this. */
    public static String textPrefix(int c, int m) {
        return "history " + c + "/" + m + " ";
    }

    public void addTo(ChatHistory history) {
        for (int c = 0; c < conversations; c++) {
            String chat = chat(c);
            history.name(chat, "Chat " + c);
            history.pushName(chat, "Contact " + c);
            SplittableRandom random = new SplittableRandom(c);
            // oldest first, so the limit (if smaller) drops the oldest
            for (int m = messages - 1; m >= 0; m--) {
                StringBuilder text = new StringBuilder(textBytes).append(textPrefix(c, m));
                while (text.length() < textBytes) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                long timestamp = now - (long) c * messages - m;
                history.add(new ChatHistory.Message(chat, "H" + c + "-" + m, m % 4 == 0, null, text.toString(), timestamp));
            }
        }
    }
}
