package io.tryx.simulator.admin;

import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API over HTTP against a running simulator: happy paths and typed 4xx errors. */
class AdminApiTest {

    private static Simulator simulator;
    private static AdminClient admin;

    @BeforeAll
    static void start() throws Exception {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void createsAnAccountWithJidAndLid() {
        var answer = admin.post("/admin/accounts", Map.of("phone", "15551110000", "pushName", "Alice"));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body().path("phone").asText()).isEqualTo("15551110000");
        assertThat(answer.body().path("jid").asText()).isEqualTo("15551110000@s.whatsapp.net");
        assertThat(answer.body().path("lid").asText()).matches("[1-9][0-9]{14}@lid");
    }

    @Test
    void duplicateAccountIsConflict() {
        admin.post("/admin/accounts", Map.of("phone", "15551110001"));
        assertError(admin.post("/admin/accounts", Map.of("phone", "15551110001")), 409, "account-exists");
    }

    @Test
    void badAccountBodiesAreBadRequests() {
        assertError(admin.post("/admin/accounts", "{nope"), 400, "invalid-json");
        assertError(admin.post("/admin/accounts", "[1]"), 400, "invalid-json");
        assertError(admin.post("/admin/accounts", Map.of("phone", "0123")), 400, "invalid-phone");
        assertError(admin.post("/admin/accounts", Map.of("phone", "12ab5678")), 400, "invalid-phone");
        assertError(admin.post("/admin/accounts", Map.of("pushName", "x")), 400, "invalid-phone");
    }

    @Test
    void scanErrorsAreTyped() {
        admin.post("/admin/accounts", Map.of("phone", "15551110002"));
        assertError(admin.post("/admin/accounts/15559990000/scan-qr", Map.of("qr", "r,AAAA,AAAA,AAAA,x")), 404, "unknown-account");
        assertError(admin.post("/admin/accounts/15551110002/scan-qr", Map.of("qr", "garbage")), 400, "malformed-qr");
        assertError(admin.post("/admin/accounts/15551110002/scan-qr", Map.of()), 400, "malformed-qr");
        String b64 = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertError(admin.post("/admin/accounts/15551110002/scan-qr", Map.of("qr", "2@unknown," + b64 + "," + b64 + "," + b64 + ",1")),
                404, "unknown-ref");
    }

    @Test
    void showsAnAccountWithItsDevices() {
        admin.post("/admin/accounts", Map.of("phone", "15551110003", "pushName", "Carol"));
        var answer = admin.get("/admin/accounts/15551110003");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("pushName").asText()).isEqualTo("Carol");
        assertThat(answer.body().path("devices").isArray()).isTrue();
        assertThat(answer.body().path("devices")).isEmpty();
        assertError(admin.get("/admin/accounts/15559990001"), 404, "unknown-account");
    }

    @Test
    void removingDevicesErrorsAreTyped() {
        admin.post("/admin/accounts", Map.of("phone", "15551110004"));
        assertError(admin.delete("/admin/accounts/15551110004/devices/1"), 404, "unknown-device");
        assertError(admin.delete("/admin/accounts/15551110004/devices/one"), 400, "invalid-device");
        assertError(admin.delete("/admin/accounts/15559990002/devices/1"), 404, "unknown-account");
        assertError(admin.get("/admin/accounts/15551110004/devices/1"), 405, "method-not-allowed");
    }

    @Test
    void linkCodeAndItsPairCodeAliasAnswerAlike() {
        admin.post("/admin/accounts", Map.of("phone", "15551110006"));
        for (String path : java.util.List.of("link-code", "pair-code")) {
            assertError(admin.post("/admin/accounts/15551110006/" + path, Map.of()), 400, "malformed-code");
            assertError(admin.post("/admin/accounts/15551110006/" + path, Map.of("code", "ABCD2345")), 404, "no-code-request");
            assertError(admin.get("/admin/accounts/15551110006/" + path), 405, "method-not-allowed");
        }
    }

    @Test
    void pairCodeErrorsAreTyped() {
        admin.post("/admin/accounts", Map.of("phone", "15551110005"));
        assertError(admin.post("/admin/accounts/15551110005/pair-code", Map.of()), 400, "malformed-code");
        assertError(admin.post("/admin/accounts/15551110005/pair-code", Map.of("code", "abc")), 400, "malformed-code");
        assertError(admin.post("/admin/accounts/15551110005/pair-code", Map.of("code", "ABCD2345")), 404, "no-code-request");
        assertError(admin.post("/admin/accounts/15559990003/pair-code", Map.of("code", "ABCD2345")), 404, "unknown-account");
    }

    @Test
    void unknownPathsAndMethodsAreTyped() {
        assertError(admin.get("/admin/nothing"), 404, "not-found");
        assertError(admin.get("/admin/accounts"), 405, "method-not-allowed");
        assertError(admin.post("/admin/stats", "{}"), 405, "method-not-allowed");
    }

    @Test
    void statsCountConnectionsAccountsAndDevices() {
        var stats = admin.get("/admin/stats");
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.body().has("connections")).isTrue();
        assertThat(stats.body().path("accounts").asInt()).isEqualTo(simulator.accounts().accounts().size());
        assertThat(stats.body().path("devices").asInt()).isZero();
    }

    private static void assertError(AdminClient.Answer answer, int status, String code) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
        assertThat(answer.body().path("error").asText()).isEqualTo(code);
        assertThat(answer.body().path("message").asText()).isNotBlank();
    }
}
