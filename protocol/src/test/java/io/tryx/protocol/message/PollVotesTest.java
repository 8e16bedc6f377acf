package io.tryx.protocol.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.interop.NodePeer;
import io.tryx.protocol.proto.E2EProto;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Poll votes encrypt and decrypt as WhatsApp's; Baileys reads ours. */
class PollVotesTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SECRET = HEX.parseHex("7a".repeat(32));
    private static final byte[] IV = HEX.parseHex("0102030405060708090a0b0c");
    private static final String POLL = "3EB0C431C26A1916E06C";
    private static final String CREATOR = "15550001111@s.whatsapp.net";
    private static final String VOTER = "15550002222@s.whatsapp.net";

    @Test
    void aVoteDecryptsToTheHashesOfTheSelectedOptionsAndTheirNames() {
        var encrypted = PollVotes.encrypt(SECRET, POLL, CREATOR, VOTER, List.of("Tea", "Cake"), IV);
        List<byte[]> hashes = PollVotes.decrypt(SECRET, POLL, CREATOR, VOTER, encrypted);
        var poll = E2EProto.Message.PollCreationMessage.newBuilder().setName("Snack?")
                .addOptions(option("Coffee")).addOptions(option("Cake")).addOptions(option("Tea")).build();
        assertThat(hashes).hasSize(2);
        assertThat(PollVotes.optionNames(poll, hashes)).containsExactly("Cake", "Tea");
        assertThat(PollVotes.optionNames(poll, List.of())).isEmpty();
    }

    @Test
    void aVoteIsBoundToItsPollCreatorAndVoter() {
        var encrypted = PollVotes.encrypt(SECRET, POLL, CREATOR, VOTER, List.of("Tea"), IV);
        assertThatThrownBy(() -> PollVotes.decrypt(SECRET, POLL, CREATOR, "15550003333@s.whatsapp.net", encrypted))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> PollVotes.decrypt(SECRET, "OTHER", CREATOR, VOTER, encrypted))
                .isInstanceOf(ProtocolException.class);
        byte[] wrong = SECRET.clone();
        wrong[0] ^= 1;
        assertThatThrownBy(() -> PollVotes.decrypt(wrong, POLL, CREATOR, VOTER, encrypted))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void theNewestPollVersionIsFound() {
        var poll = E2EProto.Message.PollCreationMessage.newBuilder().setName("Q").build();
        assertThat(PollVotes.pollOf(E2EProto.Message.newBuilder().setPollCreationMessageV3(poll).build())).contains(poll);
        assertThat(PollVotes.pollOf(E2EProto.Message.newBuilder().setPollCreationMessage(poll).build())).contains(poll);
        assertThat(PollVotes.pollOf(E2EProto.Message.newBuilder().setConversation("hi").build())).isEmpty();
    }

    @Test
    void baileysDecryptsOurVote() throws IOException {
        ObjectMapper json = new ObjectMapper();
        var encrypted = PollVotes.encrypt(SECRET, POLL, CREATOR, VOTER, List.of("Tea", "Cake"), IV);
        try (NodePeer.LineSession peer = NodePeer.open("poll-peer.mjs")) {
            peer.send(json.createObjectNode().put("op", "decryptVote")
                    .put("encPayload", HEX.formatHex(encrypted.getEncPayload().toByteArray()))
                    .put("encIv", HEX.formatHex(encrypted.getEncIv().toByteArray()))
                    .put("pollCreatorJid", CREATOR).put("pollMsgId", POLL).put("pollEncKey", HEX.formatHex(SECRET))
                    .put("voterJid", VOTER).toString());
            JsonNode answer = json.readTree(peer.receive());
            assertThat(answer.has("error")).as("%s", answer).isFalse();
            assertThat(answer.get("selectedOptions")).extracting(JsonNode::asText).containsExactly(
                    HEX.formatHex(PollVotes.optionHash("Tea")), HEX.formatHex(PollVotes.optionHash("Cake")));
        }
    }

    private static E2EProto.Message.PollCreationMessage.Option option(String name) {
        return E2EProto.Message.PollCreationMessage.Option.newBuilder().setOptionName(name).build();
    }
}
