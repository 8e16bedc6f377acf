package io.tryx.simulator.admin;

import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The group endpoints over HTTP: a mock phone creates a group, the group reads back, and the typed errors. */
class GroupEndpointsTest {

    private static Simulator simulator;
    private static AdminClient admin;

    @BeforeAll
    static void start() throws Exception {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        admin.post("/admin/accounts", Map.of("phone", "15553330001", "pushName", "A"));
        admin.post("/admin/accounts", Map.of("phone", "15553330002", "pushName", "B"));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void aPhoneCreatesAGroupThatReadsBackWithRoles() {
        var created = admin.post("/admin/accounts/15553330001/groups", Map.of("subject", "Phones",
                "participants", List.of("15553330002@s.whatsapp.net", "15550000000@s.whatsapp.net")));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        String jid = created.body().path("jid").asText();
        assertThat(jid).matches("120363[0-9]{12}@g\\.us");
        assertThat(created.body().path("failed").get(0).asText()).isEqualTo("15550000000@s.whatsapp.net");

        var group = admin.get("/admin/groups/" + jid);
        assertThat(group.status()).isEqualTo(200);
        assertThat(group.body().path("subject").asText()).isEqualTo("Phones");
        assertThat(group.body().path("creator").asText()).isEqualTo("15553330001@s.whatsapp.net");
        assertThat(group.body().path("announce").asBoolean()).isFalse();
        assertThat(group.body().path("memberAddMode").asText()).isEqualTo("admin_add");
        assertThat(group.body().path("participants").findValuesAsText("jid"))
                .containsExactly("15553330001@s.whatsapp.net", "15553330002@s.whatsapp.net");
        assertThat(group.body().path("participants").findValuesAsText("role")).containsExactly("superadmin", "member");
        assertThat(group.body().path("participants").get(1).path("lid").asText()).endsWith("@lid");
        assertThat(group.body().has("failed")).isFalse();
    }

    @Test
    void theContractPathCreatesAGroupFromPhoneNumbers() {
        var created = admin.post("/admin/groups", Map.of("creator", "15553330002", "subject", "Contract",
                "participants", List.of("15553330001")));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        String jid = created.body().path("jid").asText();
        assertThat(jid).endsWith("@g.us");
        var group = admin.get("/admin/groups/" + jid).body();
        assertThat(group.path("creator").asText()).isEqualTo("15553330002@s.whatsapp.net");
        assertThat(group.path("participants").findValuesAsText("jid"))
                .containsExactly("15553330002@s.whatsapp.net", "15553330001@s.whatsapp.net");

        assertError(admin.post("/admin/groups", Map.of("subject", "x", "participants", List.of())), 400, "invalid-json");
        assertError(admin.post("/admin/groups", Map.of("creator", "15559999999", "subject", "x", "participants", List.of())),
                404, "unknown-account");
        assertError(admin.get("/admin/groups"), 405, "method-not-allowed");
    }

    @Test
    void errorsAreTyped() {
        assertError(admin.get("/admin/groups/120363000000000000@g.us"), 404, "unknown-group");
        assertError(admin.get("/admin/groups/15553330001@s.whatsapp.net"), 400, "invalid-jid");
        assertError(admin.get("/admin/groups/a@b@c"), 400, "invalid-jid");
        assertError(admin.post("/admin/accounts/15559999999/groups", Map.of("subject", "x", "participants", List.of())), 404, "unknown-account");
        assertError(admin.post("/admin/accounts/15553330001/groups", Map.of("subject", "", "participants", List.of())), 400, "invalid-subject");
        assertError(admin.post("/admin/accounts/15553330001/groups", Map.of("subject", "x", "participants", List.of("a@b@c"))), 400, "invalid-jid");
        assertError(admin.post("/admin/accounts/15553330001/groups", "[]"), 400, "invalid-json");
        assertError(admin.delete("/admin/groups/120363000000000000@g.us"), 405, "method-not-allowed");
    }

    private static void assertError(AdminClient.Answer answer, int status, String code) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
        assertThat(answer.body().path("error").asText()).isEqualTo(code);
    }
}
