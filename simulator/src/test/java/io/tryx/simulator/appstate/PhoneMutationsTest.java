package io.tryx.simulator.appstate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tryx.protocol.appstate.AppStateMutation;
import io.tryx.protocol.appstate.CollectionState;
import io.tryx.protocol.appstate.PatchDecoder;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.proto.ServerSyncProto.SyncdPatch;
import io.tryx.simulator.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tryx.simulator.messaging.MessagingHarness.tagged;
import static org.assertj.core.api.Assertions.assertThat;

/** The mock phone's mutations decode, with nothing but the key it shares, exactly as WhatsApp writes them. */
class PhoneMutationsTest {

    private static final String BOB = "15550007772@s.whatsapp.net";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AppStateFixture f = new AppStateFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void eachActionDecodesWithTheSharedKeyIntoTheRealIndexValueAndVersion() {
        TestClient companion = f.h.companion(f.h.a, 5);
        long muteEnd = 1_900_000_000_000L;
        List<ObjectNode> requests = List.of(
                request("archive").put("chat", BOB),
                request("pin").put("chat", BOB),
                request("markRead").put("chat", BOB).put("value", false),
                request("mute").put("chat", BOB).put("value", muteEnd),
                request("star").put("chat", BOB).put("messageId", "3EB0STAR").put("fromMe", true),
                request("deleteChat").put("chat", "120363000000000001@g.us"),
                request("contact").put("chat", BOB).put("fullName", "Bob Builder").put("firstName", "Bob"),
                request("pushName").put("value", "Alice A."));
        for (ObjectNode request : requests) {
            f.appState.mutate(f.h.a, f.appState.action(request));
        }

        E2EProto.Message share = f.phone.keyShare();
        assertThat(share.getProtocolMessage().getType()).isEqualTo(E2EProto.Message.ProtocolMessage.Type.APP_STATE_SYNC_KEY_SHARE);
        var key = share.getProtocolMessage().getAppStateSyncKeyShare().getKeys(0);
        PatchDecoder decoder = new PatchDecoder(id -> java.util.Arrays.equals(id, key.getKeyId().getKeyId().toByteArray())
                ? Optional.of(key.getKeyData().getKeyData().toByteArray()) : Optional.empty());
        Map<String, List<AppStateMutation>> decoded = new java.util.LinkedHashMap<>();
        for (String collection : CollectionState.COLLECTIONS) {
            CollectionState state = CollectionState.initial(collection);
            List<AppStateMutation> mutations = new ArrayList<>();
            for (SyncdPatch patch : f.appState.store().after(f.h.a.phone(), collection, 0, 100).patches()) {
                PatchDecoder.Decoded result = decoder.decodePatch(state, patch);
                state = result.state();
                mutations.addAll(result.mutations());
            }
            decoded.put(collection, mutations);
        }

        assertThat(decoded.get("regular_low")).extracting(AppStateMutation::index).containsExactly(
                List.of("archive", BOB), List.of("pin_v1", BOB), List.of("markChatAsRead", BOB));
        assertThat(decoded.get("regular_low")).extracting(AppStateMutation::actionVersion).containsExactly(3, 5, 3);
        assertThat(decoded.get("regular_low").get(0).value().getArchiveChatAction().getArchived()).isTrue();
        assertThat(decoded.get("regular_low").get(1).value().getPinAction().getPinned()).isTrue();
        assertThat(decoded.get("regular_low").get(2).value().getMarkChatAsReadAction().getRead()).isFalse();
        assertThat(decoded.get("regular_high")).extracting(AppStateMutation::index).containsExactly(
                List.of("mute", BOB), List.of("star", BOB, "3EB0STAR", "1", "0"),
                List.of("deleteChat", "120363000000000001@g.us", "1"));
        assertThat(decoded.get("regular_high").get(0).value().getMuteAction().getMuteEndTimestamp()).isEqualTo(muteEnd);
        assertThat(decoded.get("regular_high").get(1).value().getStarAction().getStarred()).isTrue();
        assertThat(decoded.get("critical_unblock_low")).singleElement().satisfies(m -> {
            assertThat(m.index()).containsExactly("contact", BOB);
            assertThat(m.value().getContactAction().getFullName()).isEqualTo("Bob Builder");
            assertThat(m.value().getContactAction().getFirstName()).isEqualTo("Bob");
        });
        assertThat(decoded.get("critical_block")).singleElement().satisfies(m -> {
            assertThat(m.index()).containsExactly("setting_pushName");
            assertThat(m.value().getPushNameSetting().getName()).isEqualTo("Alice A.");
            assertThat(m.value().getTimestamp()).isEqualTo(f.h.harness.clock.millis());
        });
        assertThat(decoded.get("regular")).isEmpty();

        assertThat(tagged(companion, "notification")).hasSize(requests.size())
                .extracting(n -> n.child("collection").orElseThrow().attrs().string("name"))
                .containsExactly("regular_low", "regular_low", "regular_low", "regular_high", "regular_high",
                        "regular_high", "critical_unblock_low", "critical_block");
        assertThat(f.phone.view("regular_high").entries()).hasSize(3);
        assertThat(f.phone.errors()).isEmpty();
    }

    @Test
    void aRemovalTakesTheIndexOutOfThePhonesView() {
        f.appState.mutate(f.h.a, f.appState.action(request("pin").put("chat", BOB)));
        f.appState.mutate(f.h.a, f.appState.action(request("pin").put("chat", BOB).put("remove", true)));
        assertThat(f.phone.view("regular_low").version()).isEqualTo(2);
        assertThat(f.phone.view("regular_low").entries()).isEmpty();
    }

    @Test
    void requestsTheActionsCannotTakeAreRefusedWithACode() {
        assertThat(code(request("explode").put("chat", BOB))).isEqualTo("invalid-action");
        assertThat(code(request("archive").put("chat", "not a jid"))).isEqualTo("invalid-chat");
        assertThat(code(request("archive").put("chat", BOB).put("value", "yes"))).isEqualTo("invalid-value");
        assertThat(code(request("star").put("chat", BOB))).isEqualTo("invalid-value");
        assertThat(code(request("pushName"))).isEqualTo("invalid-value");
        assertThat(code(request("archive").put("chat", BOB).put("collection", "nope"))).isEqualTo("invalid-collection");
        assertThat(f.appState.action(request("archive").put("chat", BOB).put("collection", "regular")).collection())
                .isEqualTo("regular");
    }

    private static ObjectNode request(String action) {
        return JSON.createObjectNode().put("action", action);
    }

    private String code(ObjectNode request) {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(SyncActions.InvalidAction.class,
                () -> f.appState.action(request));
        assertThat(thrown).as("refused: %s", request).isNotNull();
        return thrown.code();
    }
}
