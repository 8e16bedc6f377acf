package io.tryx.simulator.history;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chat history keeps the messages added last over all chats, up to its limit. */
class ChatHistoryTest {

    @Test
    void theOldestMessageOfAnyChatIsDroppedBeyondTheLimit() {
        ChatHistory history = new ChatHistory(3);
        history.add(new ChatHistory.Message("a@s.whatsapp.net", "1", false, null, "one", 10));
        history.add(new ChatHistory.Message("b@s.whatsapp.net", "2", false, null, "two", 20));
        history.add(new ChatHistory.Message("a@s.whatsapp.net", "3", true, null, "three", 30));
        history.add(new ChatHistory.Message("b@s.whatsapp.net", "4", false, null, "four", 40));

        assertThat(history.messageCount()).isEqualTo(3);
        assertThat(history.dropped()).isEqualTo(1);
        assertThat(history.conversations()).extracting(ChatHistory.Conversation::jid).containsExactly("b@s.whatsapp.net", "a@s.whatsapp.net");
        assertThat(history.conversations().get(1).messages()).extracting(ChatHistory.Message::id).containsExactly("3");
    }

    @Test
    void aRepeatedIdReplacesTheEarlierMessageAndCountsOnce() {
        ChatHistory history = new ChatHistory(2);
        history.add(new ChatHistory.Message("a@s.whatsapp.net", "1", false, null, "one", 10));
        history.add(new ChatHistory.Message("a@s.whatsapp.net", "2", false, null, "two", 20));
        history.add(new ChatHistory.Message("a@s.whatsapp.net", "1", false, null, "one again", 30));
        history.add(new ChatHistory.Message("a@s.whatsapp.net", "3", false, null, "three", 40));

        assertThat(history.conversations().getFirst().messages()).extracting(ChatHistory.Message::text)
                .containsExactly("three", "one again");
        assertThat(history.dropped()).isEqualTo(1);
    }

    @Test
    void aLimitMustBePositive() {
        assertThatThrownBy(() -> new ChatHistory(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
