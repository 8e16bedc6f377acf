package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.appstate.ChatSyncEvent;
import io.tryx.protocol.store.AccountStore;
import io.tryx.simulator.AdminClient;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Our client's app-state events and stored state next to the mock phone's view (admin API). */
record AppStatePeers(AdminClient admin, String phone, AccountStore store, List<ChatSyncEvent> events) {

    static AppStatePeers of(AdminClient admin, String phone, AccountStore store) {
        return new AppStatePeers(admin, phone, store, new CopyOnWriteArrayList<>());
    }

    /** Links a client of ours recording its chat sync events. */
    Linked link(ClientHarness clients) {
        return Linked.link(clients, admin, phone, store, this::listen);
    }

    void listen(WhatsAppClient client) {
        client.addChatSyncListener(events::add);
    }

    /** The phone makes a mutation (admin API); returns its answer {@code {"collection","version","index"}}. */
    JsonNode phoneMutates(Map<String, Object> request) {
        AdminClient.Answer answer = admin.post("/admin/accounts/" + phone + "/app-state", request);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** The phone's view of a collection. */
    JsonNode phoneView(String collection) {
        AdminClient.Answer answer = admin.get("/admin/accounts/" + phone + "/app-state/" + collection);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** Our stored LTHash of a collection, in hex. */
    String ourHash(String collection) {
        return HexFormat.of().formatHex(store.collection(collection).hash().bytes());
    }

    long ourVersion(String collection) {
        return store.collection(collection).version();
    }

    /** True when our version and LTHash equal what the phone verified. */
    boolean inStepWithPhone(String collection) {
        JsonNode view = phoneView(collection);
        return view.get("phoneVersion").asLong() == ourVersion(collection)
                && view.get("ltHash").asText().equalsIgnoreCase(ourHash(collection));
    }

    <T extends ChatSyncEvent> List<T> events(Class<T> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The phone's entry at {@code index}, or null. */
    JsonNode phoneEntry(String collection, List<String> index) {
        for (JsonNode entry : phoneView(collection).get("entries")) {
            List<String> at = new java.util.ArrayList<>();
            entry.get("index").forEach(i -> at.add(i.asText()));
            if (at.equals(index)) {
                return entry;
            }
        }
        return null;
    }
}
