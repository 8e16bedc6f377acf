package io.tryx.protocol.appstate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.interop.NodePeer;
import io.tryx.protocol.proto.ServerSyncProto.SyncdPatch;
import io.tryx.protocol.proto.ServerSyncProto.SyncdSnapshot;
import io.tryx.protocol.proto.SyncActionProto.SyncActionValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * App-state patches and a snapshot made by Baileys (encodeSyncdPatch and its chat utilities, with
 * whatsapp-rust's LTHash) decode and verify in Java with identical LTHash values, and patches made in
 * Java decode and verify in Baileys.
 */
class AppStateInteropTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLLECTION = "regular_high";
    private static NodePeer.LineSession peer;

    private final Random random = new Random(31);
    private final byte[] keyId = {0, 0, 0, 0, 17, 42};
    private final byte[] keyData = bytes(32);
    private final AppStateKeyLookup lookup = id -> java.util.Arrays.equals(id, keyId) ? Optional.of(keyData) : Optional.empty();

    @BeforeAll
    static void start() {
        peer = NodePeer.open("appstate-peer.mjs");
    }

    @AfterAll
    static void stop() {
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void baileysPatchesAndSnapshotVerifyInJavaWithTheSameLtHash() throws IOException {
        List<PatchEncoder.MutationRequest> actions = history(60);
        JsonNode theirs = call(historyRequest(actions));
        assertThat(theirs.get("baileysSnapshotHash").asText()).isEqualTo(theirs.get("finalHash").asText());

        PatchDecoder decoder = new PatchDecoder(lookup);
        CollectionState state = CollectionState.initial(COLLECTION);
        for (int i = 0; i < actions.size(); i++) {
            SyncdPatch patch = SyncdPatch.parseFrom(HEX.parseHex(theirs.get("patches").get(i).asText()));
            PatchDecoder.Decoded decoded = decoder.decodePatch(state, patch);
            state = decoded.state();
            assertThat(HEX.formatHex(state.hash().bytes())).as("hash after patch %d", i)
                    .isEqualTo(theirs.get("hashes").get(i).asText());
            AppStateMutation mutation = decoded.mutations().get(0);
            assertThat(mutation.operation()).isEqualTo(actions.get(i).operation());
            assertThat(mutation.index()).isEqualTo(actions.get(i).index());
            assertThat(mutation.value()).isEqualTo(actions.get(i).value());
            assertThat(mutation.actionVersion()).isEqualTo(actions.get(i).actionVersion());
        }
        assertThat(state.version()).isEqualTo(actions.size());

        SyncdSnapshot snapshot = SyncdSnapshot.parseFrom(HEX.parseHex(theirs.get("snapshot").asText()));
        PatchDecoder.Decoded fromSnapshot = decoder.decodeSnapshot(COLLECTION, snapshot);
        assertThat(HEX.formatHex(fromSnapshot.state().hash().bytes())).isEqualTo(theirs.get("finalHash").asText());
        assertThat(fromSnapshot.state().version()).isEqualTo(actions.size());
        assertThat(fromSnapshot.mutations()).hasSize(state.valueMacs().size());
    }

    @Test
    void javaPatchesVerifyInBaileys() throws IOException {
        List<PatchEncoder.MutationRequest> actions = history(40);
        PatchEncoder encoder = new PatchEncoder(keyId, keyData, random);
        CollectionState state = CollectionState.initial(COLLECTION);
        List<String> patches = new ArrayList<>();
        for (int i = 0; i < actions.size(); i += 3) {
            PatchEncoder.Encoded encoded = encoder.encodePatch(state, actions.subList(i, Math.min(actions.size(), i + 3)));
            state = encoded.state();
            patches.add(HEX.formatHex(encoded.patch().toByteArray()));
        }
        ObjectNode request = JSON.createObjectNode().put("op", "decodePatches")
                .put("keyId", Base64.getEncoder().encodeToString(keyId)).put("keyData", HEX.formatHex(keyData))
                .put("name", COLLECTION);
        ArrayNode list = request.putArray("patches");
        patches.forEach(list::add);
        JsonNode theirs = call(request);

        assertThat(theirs.get("finalHash").asText()).isEqualTo(HEX.formatHex(state.hash().bytes()));
        assertThat(theirs.get("mutations")).hasSize(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            JsonNode m = theirs.get("mutations").get(i);
            assertThat(JSON.convertValue(m.get("index"), List.class)).isEqualTo(actions.get(i).index());
            assertThat(SyncActionValue.parseFrom(HEX.parseHex(m.get("value").asText()))).isEqualTo(actions.get(i).value());
        }
    }

    @Test
    void tamperedOrUnkeyedPatchesAreTypedErrors() throws IOException {
        List<PatchEncoder.MutationRequest> actions = history(2);
        JsonNode theirs = call(historyRequest(actions));
        byte[] bytes = HEX.parseHex(theirs.get("patches").get(0).asText());
        SyncdPatch patch = SyncdPatch.parseFrom(bytes);

        SyncdPatch forgedMac = patch.toBuilder().setPatchMac(com.google.protobuf.ByteString.copyFrom(new byte[32])).build();
        assertThatThrownBy(() -> new PatchDecoder(lookup).decodePatch(CollectionState.initial(COLLECTION), forgedMac))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).reason()).isEqualTo(ProtocolException.Reason.AUTHENTICATION_FAILED);
        assertThatThrownBy(() -> new PatchDecoder(lookup).decodePatch(CollectionState.initial("regular"), patch))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> new PatchDecoder(id -> Optional.empty()).decodePatch(CollectionState.initial(COLLECTION), patch))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).reason()).isEqualTo(ProtocolException.Reason.MISSING_KEY);
    }

    /**
     * A random history over a few chats: mutes, pins, archives, reads, stars, contacts; overwrites and
     * removals. A removed index is never set again: Baileys' encodeSyncdPatch keeps a removed index in
     * its local map (with the REMOVE's value MAC), so its own state would diverge from what every
     * decoder (ours, whatsmeow's, its own snapshot decoder) computes if the index came back.
     */
    private List<PatchEncoder.MutationRequest> history(int n) {
        List<PatchEncoder.MutationRequest> out = new ArrayList<>();
        List<List<String>> set = new ArrayList<>();
        java.util.Set<List<String>> retired = new java.util.HashSet<>();
        while (out.size() < n) {
            int i = out.size();
            if (!set.isEmpty() && random.nextInt(5) == 0) {
                List<String> index = set.remove(random.nextInt(set.size()));
                retired.add(index);
                out.add(new PatchEncoder.MutationRequest(MutationOperation.REMOVE, index,
                        SyncActionValue.newBuilder().setTimestamp(1_764_000_000_000L + i).build(), 2));
                continue;
            }
            String chat = (15550000000L + random.nextInt(6)) + "@s.whatsapp.net";
            long ts = 1_764_000_000_000L + i;
            SyncActionValue.Builder value = SyncActionValue.newBuilder().setTimestamp(ts);
            List<String> index = switch (random.nextInt(6)) {
                case 0 -> {
                    value.getMuteActionBuilder().setMuted(true).setMuteEndTimestamp(ts + 3_600_000);
                    yield List.of("mute", chat);
                }
                case 1 -> {
                    value.getPinActionBuilder().setPinned(random.nextBoolean());
                    yield List.of("pin_v1", chat);
                }
                case 2 -> {
                    value.getArchiveChatActionBuilder().setArchived(true);
                    yield List.of("archive", chat);
                }
                case 3 -> {
                    value.getMarkChatAsReadActionBuilder().setRead(random.nextBoolean());
                    yield List.of("markChatAsRead", chat);
                }
                case 4 -> {
                    value.getStarActionBuilder().setStarred(true);
                    yield List.of("star", chat, "3EB0" + Integer.toHexString(1000 + random.nextInt(4)).toUpperCase(), "1", "0");
                }
                default -> {
                    value.getContactActionBuilder().setFullName("Contact ñ " + random.nextInt(100));
                    yield List.of("contact", chat);
                }
            };
            if (retired.contains(index)) {
                continue;
            }
            if (!set.contains(index)) {
                set.add(index);
            }
            out.add(new PatchEncoder.MutationRequest(MutationOperation.SET, index, value.build(), 2 + random.nextInt(6)));
        }
        return out;
    }

    private ObjectNode historyRequest(List<PatchEncoder.MutationRequest> actions) {
        ObjectNode request = JSON.createObjectNode().put("op", "baileysHistory")
                .put("keyId", Base64.getEncoder().encodeToString(keyId)).put("keyData", HEX.formatHex(keyData))
                .put("name", COLLECTION);
        ArrayNode list = request.putArray("actions");
        for (PatchEncoder.MutationRequest a : actions) {
            ObjectNode action = list.addObject().put("operation", a.operation().name())
                    .put("value", HEX.formatHex(a.value().toByteArray())).put("apiVersion", a.actionVersion());
            ArrayNode index = action.putArray("index");
            a.index().forEach(index::add);
        }
        return request;
    }

    private static JsonNode call(ObjectNode request) throws IOException {
        peer.send(request.toString());
        JsonNode response = JSON.readTree(peer.receive());
        assertThat(response.has("error")).as("peer error: %s", response).isFalse();
        return response;
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

}
