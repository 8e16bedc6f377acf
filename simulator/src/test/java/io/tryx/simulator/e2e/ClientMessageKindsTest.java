package io.tryx.simulator.e2e;

import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The mock phone's message kinds reach our client as the protobufs WhatsApp clients build. */
class ClientMessageKindsTest {

    static final String PHONE = "15550005551";
    static final String OURS = "15550005552";

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey());
    }

    @AfterEach
    void stop() {
        clients.close();
        simulator.close();
    }

    @Test
    void locationReactionEditAndRevokeArriveAsTheirProtobufs() {
        assertThat(admin.post("/admin/accounts", Map.of("phone", PHONE, "pushName", "Phone")).status()).isEqualTo(201);
        assertThat(admin.post("/admin/accounts", Map.of("phone", OURS, "pushName", "Ours")).status()).isEqualTo(201);
        Linked ours = Linked.link(clients, admin, OURS, new InMemoryAccountStore("ours"));
        String to = OURS + "@s.whatsapp.net";

        String text = send(Map.of("to", to, "text", "first"));
        E2EProto.Message location = received(ours, send(Map.of("to", to, "type", "location", "latitude", -33.8568,
                "longitude", 151.2153, "name", "Opera House")));
        assertThat(location.getLocationMessage().getDegreesLatitude()).isEqualTo(-33.8568);
        assertThat(location.getLocationMessage().getName()).isEqualTo("Opera House");

        E2EProto.Message reaction = received(ours, send(Map.of("to", to, "type", "reaction", "targetId", text, "emoji", "😂")));
        assertThat(reaction.getReactionMessage().getText()).isEqualTo("😂");
        assertThat(reaction.getReactionMessage().getKey().getId()).isEqualTo(text);
        assertThat(reaction.getReactionMessage().getKey().getFromMe()).isTrue();

        E2EProto.Message edit = received(ours, send(Map.of("to", to, "type", "edit", "targetId", text, "text", "first, edited")));
        var editProtocol = edit.getEditedMessage().getMessage().getProtocolMessage();
        assertThat(editProtocol.getType()).isEqualTo(E2EProto.Message.ProtocolMessage.Type.MESSAGE_EDIT);
        assertThat(editProtocol.getKey().getId()).isEqualTo(text);
        assertThat(editProtocol.getEditedMessage().getConversation()).isEqualTo("first, edited");
        assertThat(editProtocol.getTimestampMs()).isPositive();

        E2EProto.Message revoke = received(ours, send(Map.of("to", to, "type", "revoke", "targetId", text)));
        assertThat(revoke.getProtocolMessage().getType()).isEqualTo(E2EProto.Message.ProtocolMessage.Type.REVOKE);
        assertThat(revoke.getProtocolMessage().getKey().getId()).isEqualTo(text);
        assertThat(ours.undecryptable()).isEmpty();
    }

    private String send(Map<String, ?> body) {
        AdminClient.Answer sent = admin.post("/admin/accounts/" + PHONE + "/messages", body);
        assertThat(sent.status()).as("%s", sent.body()).isEqualTo(200);
        return sent.body().path("id").asText();
    }

    private static E2EProto.Message received(Linked linked, String id) {
        await().atMost(Linked.WITHIN).until(() -> linked.received().stream().anyMatch(m -> m.info().id().equals(id)));
        return linked.received().stream().filter(m -> m.info().id().equals(id)).findFirst()
                .map(MessageEvent.MessageReceived::message).orElseThrow();
    }
}
