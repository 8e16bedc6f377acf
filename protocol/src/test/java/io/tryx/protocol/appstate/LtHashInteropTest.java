package io.tryx.protocol.appstate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tryx.protocol.interop.NodePeer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Our LTHash equals whatsapp-rust's (through Baileys' WASM bridge) for random add/remove sequences. */
class LtHashInteropTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void ltHashMatchesWhatsappRust() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(9);
        try (NodePeer.LineSession peer = NodePeer.open("appstate-peer.mjs")) {
            LtHash ours = LtHash.empty();
            String theirs = HEX.formatHex(new byte[LtHash.SIZE]);
            List<byte[]> present = new ArrayList<>();
            for (int round = 0; round < 50; round++) {
                List<byte[]> removed = new ArrayList<>();
                for (int i = 0; i < random.nextInt(3) && !present.isEmpty(); i++) {
                    removed.add(present.remove(random.nextInt(present.size())));
                }
                List<byte[]> added = new ArrayList<>();
                for (int i = 0; i < random.nextInt(5); i++) {
                    byte[] mac = new byte[32];
                    random.nextBytes(mac);
                    added.add(mac);
                }
                present.addAll(added);
                ours = ours.subtractThenAdd(removed, added);

                ObjectNode request = json.createObjectNode().put("op", "ltHash").put("base", theirs);
                ArrayNode sub = request.putArray("subtract");
                removed.forEach(m -> sub.add(HEX.formatHex(m)));
                ArrayNode add = request.putArray("add");
                added.forEach(m -> add.add(HEX.formatHex(m)));
                peer.send(request.toString());
                JsonNode response = json.readTree(peer.receive());
                assertThat(response.has("error")).as("%s", response).isFalse();
                theirs = response.get("hash").asText();
                assertThat(HEX.formatHex(ours.bytes())).as("round %d", round).isEqualTo(theirs);
            }
        }
    }
}
