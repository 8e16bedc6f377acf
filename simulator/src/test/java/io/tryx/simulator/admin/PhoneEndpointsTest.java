package io.tryx.simulator.admin;

import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The mock phone's messaging endpoints over HTTP: phone to phone, and the typed errors. */
class PhoneEndpointsTest {

    private static Simulator simulator;
    private static AdminClient admin;

    @BeforeAll
    static void start() throws Exception {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        admin.post("/admin/accounts", Map.of("phone", "15552220001", "pushName", "A"));
        admin.post("/admin/accounts", Map.of("phone", "15552220002", "pushName", "B"));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void aPhoneTextReachesTheOtherPhonesInbox() {
        var sent = admin.post("/admin/accounts/15552220001/messages", Map.of("to", "15552220002@s.whatsapp.net", "text", "ping"));
        assertThat(sent.status()).as("%s", sent.body()).isEqualTo(200);
        var inbox = admin.get("/admin/accounts/15552220002/inbox");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body()).anySatisfy(e -> {
            assertThat(e.path("id").asText()).isEqualTo(sent.body().path("id").asText());
            assertThat(e.path("text").asText()).isEqualTo("ping");
            assertThat(e.path("type").asText()).isEqualTo("text");
            assertThat(e.path("from").asText()).isEqualTo("15552220001@s.whatsapp.net");
        });
    }

    @Test
    void errorsAreTyped() {
        assertError(admin.post("/admin/accounts/15559999999/messages", Map.of("to", "15552220002@s.whatsapp.net", "text", "x")), 404, "unknown-account");
        assertError(admin.post("/admin/accounts/15552220001/messages", Map.of("to", "15550000000@s.whatsapp.net", "text", "x")), 404, "unknown-recipient");
        assertError(admin.post("/admin/accounts/15552220001/messages", Map.of("to", "not a jid@@", "text", "x")), 400, "invalid-jid");
        assertError(admin.post("/admin/accounts/15552220001/messages", Map.of("to", "15552220002@s.whatsapp.net")), 400, "invalid-text");
        assertError(admin.post("/admin/accounts/15552220001/messages", "[]"), 400, "invalid-json");
        assertError(admin.get("/admin/accounts/15559999999/inbox"), 404, "unknown-account");
        assertError(admin.get("/admin/accounts/15552220001/messages"), 405, "method-not-allowed");
    }

    private static void assertError(AdminClient.Answer answer, int status, String code) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
        assertThat(answer.body().path("error").asText()).isEqualTo(code);
    }
}
