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

/** The app state and history endpoints over HTTP: phone mutations read back decoded, history seeds, typed errors. */
class AppStateEndpointsTest {

    private static final String PHONE = "15553340001";
    private static final String BOB = "15553340002@s.whatsapp.net";
    private static Simulator simulator;
    private static AdminClient admin;

    @BeforeAll
    static void start() throws Exception {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        admin.post("/admin/accounts", Map.of("phone", PHONE, "pushName", "A"));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void aPhoneMutationReadsBackDecodedWithTheServerVersion() {
        var muted = admin.post("/admin/accounts/" + PHONE + "/app-state", Map.of("action", "mute", "chat", BOB, "value", true));
        assertThat(muted.status()).as("%s", muted.body()).isEqualTo(200);
        assertThat(muted.body().path("collection").asText()).isEqualTo("regular_high");
        assertThat(muted.body().path("version").asLong()).isEqualTo(1);
        assertThat(muted.body().path("index").toString()).isEqualTo("[\"mute\",\"" + BOB + "\"]");

        var view = admin.get("/admin/accounts/" + PHONE + "/app-state/regular_high");
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body().path("serverVersion").asLong()).isEqualTo(1);
        assertThat(view.body().path("phoneVersion").asLong()).isEqualTo(1);
        assertThat(view.body().path("ltHash").asText()).hasSize(256);
        assertThat(view.body().path("errors")).isEmpty();
        var entry = view.body().path("entries").get(0);
        assertThat(entry.path("value").path("muteAction").path("muted").asBoolean()).isTrue();
        assertThat(entry.path("value").path("muteAction").path("muteEndTimestamp").asLong()).isEqualTo(-1);
        assertThat(entry.path("actionVersion").asInt()).isEqualTo(2);
        assertThat(entry.path("value").path("timestamp").asLong()).isPositive();
    }

    @Test
    void historySeedsReadBack() {
        var seeded = admin.post("/admin/accounts/" + PHONE + "/history", Map.of("conversations", List.of(Map.of("jid", BOB,
                "messages", List.of(Map.of("id", "S1", "text", "seeded", "timestamp", 1000), Map.of("id", "S2", "text",
                        "mine", "fromMe", true)))), "pushNames", Map.of(BOB, "Bob")));
        assertThat(seeded.status()).as("%s", seeded.body()).isEqualTo(200);
        assertThat(seeded.body().path("messages").asInt()).isGreaterThanOrEqualTo(2);
        var history = admin.get("/admin/accounts/" + PHONE + "/history").body();
        assertThat(history.path("pushNames").path(BOB).asText()).isEqualTo("Bob");
        assertThat(history.path("conversations").findValuesAsText("jid")).contains(BOB);
    }

    @Test
    void errorsAreTyped() {
        String base = "/admin/accounts/" + PHONE;
        assertError(admin.post(base + "/app-state", Map.of("action", "fly", "chat", BOB)), 400, "invalid-action");
        assertError(admin.post(base + "/app-state", Map.of("action", "pin", "chat", "x@y@z")), 400, "invalid-chat");
        assertError(admin.post(base + "/app-state", "[1]"), 400, "invalid-json");
        assertError(admin.post("/admin/accounts/15550000000/app-state", Map.of("action", "pin", "chat", BOB)), 404, "unknown-account");
        assertError(admin.get(base + "/app-state/nope"), 404, "unknown-collection");
        assertError(admin.get("/admin/accounts/15550000000/app-state/regular"), 404, "unknown-account");
        assertError(admin.delete(base + "/app-state/regular"), 405, "method-not-allowed");
        assertError(admin.post(base + "/history", Map.of("conversations", List.of(Map.of("jid", "bad")))), 400, "invalid-jid");
        assertError(admin.post(base + "/history", Map.of("conversations", List.of(Map.of("jid", BOB,
                "messages", List.of(Map.of("id", "X")))))), 400, "invalid-message");
        assertError(admin.post(base + "/history", Map.of("nothing", 1)), 400, "invalid-json");
        assertError(admin.get("/admin/accounts/15550000000/history"), 404, "unknown-account");
    }

    private static void assertError(AdminClient.Answer answer, int status, String code) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
        assertThat(answer.body().path("error").asText()).isEqualTo(code);
    }
}
