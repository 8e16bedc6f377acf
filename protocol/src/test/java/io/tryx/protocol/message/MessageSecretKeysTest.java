package io.tryx.protocol.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.crypto.Digests;
import io.tryx.protocol.interop.NodePeer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageSecretKeysTest {

    private static final HexFormat HEX = HexFormat.of();
    private final Random random = new Random(23);

    @Test
    void aKeyIsBoundToUseCaseMessageAndSenders() {
        byte[] secret = bytes(32);
        MessageSecretKeys.DerivedKey vote = MessageSecretKeys.derive(MessageSecretUseCase.POLL_VOTE, secret,
                "3EB0AA", "111@s.whatsapp.net", "222@s.whatsapp.net");
        byte[] iv = bytes(12);
        byte[] sealed = vote.encrypt(iv, "choice".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(vote.decrypt(iv, sealed), StandardCharsets.UTF_8)).isEqualTo("choice");

        MessageSecretKeys.DerivedKey otherVoter = MessageSecretKeys.derive(MessageSecretUseCase.POLL_VOTE, secret,
                "3EB0AA", "111@s.whatsapp.net", "333@s.whatsapp.net");
        assertThatThrownBy(() -> otherVoter.decrypt(iv, sealed)).isInstanceOf(ProtocolException.class);
        MessageSecretKeys.DerivedKey edit = MessageSecretKeys.derive(MessageSecretUseCase.MESSAGE_EDIT, secret,
                "3EB0AA", "111@s.whatsapp.net", "222@s.whatsapp.net");
        assertThat(edit.key()).isNotEqualTo(vote.key());
        assertThat(edit.associatedData()).isEmpty();
    }

    @Test
    void pollVotesWeEncryptDecryptInBaileys() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (NodePeer.LineSession peer = NodePeer.open("pairing-peer.mjs")) {
            for (int i = 0; i < 20; i++) {
                byte[] secret = bytes(32);
                String pollId = "3EB0" + HEX.formatHex(bytes(9)).toUpperCase();
                String creator = (100 + i) + "@s.whatsapp.net";
                String voter = (900 + i) + "@lid";
                byte[] optionA = Digests.sha256(("option A " + i).getBytes(StandardCharsets.UTF_8));
                byte[] optionB = Digests.sha256(("option B " + i).getBytes(StandardCharsets.UTF_8));
                ByteArrayOutputStream vote = new ByteArrayOutputStream();
                for (byte[] option : new byte[][]{optionA, optionB}) {
                    vote.write(0x0A); // PollVoteMessage.selectedOptions = 1, length-delimited
                    vote.write(option.length);
                    vote.write(option);
                }
                byte[] iv = bytes(12);
                byte[] payload = MessageSecretKeys.derive(MessageSecretUseCase.POLL_VOTE, secret, pollId, creator, voter)
                        .encrypt(iv, vote.toByteArray());

                peer.send(json.createObjectNode().put("op", "pollVote").put("encPayload", HEX.formatHex(payload))
                        .put("encIv", HEX.formatHex(iv)).put("pollCreatorJid", creator).put("pollMsgId", pollId)
                        .put("pollEncKey", HEX.formatHex(secret)).put("voterJid", voter).toString());
                JsonNode response = json.readTree(peer.receive());
                assertThat(response.has("error")).as("%s", response).isFalse();
                assertThat(response.get("selectedOptions").get(0).asText()).isEqualTo(HEX.formatHex(optionA));
                assertThat(response.get("selectedOptions").get(1).asText()).isEqualTo(HEX.formatHex(optionB));
            }
        }
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
