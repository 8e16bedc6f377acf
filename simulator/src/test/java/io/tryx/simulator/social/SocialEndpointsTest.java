package io.tryx.simulator.social;

import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The social admin endpoints over HTTP: reading and changing privacy, blocklist, contacts; profile and presence. */
class SocialEndpointsTest {

    private static final String A = "15553330001";
    private static final String B = "15553330002";
    private static Simulator simulator;
    private static AdminClient admin;

    @BeforeAll
    static void start() throws Exception {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        admin.post("/admin/accounts", Map.of("phone", A, "pushName", "Ann"));
        admin.post("/admin/accounts", Map.of("phone", B, "pushName", "Ben"));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void privacyIsReadAndChangedOnThePhone() {
        var privacy = admin.get("/admin/accounts/" + A + "/privacy");
        assertThat(privacy.status()).isEqualTo(200);
        assertThat(privacy.body().path("categories").path("status").asText()).isEqualTo("contacts");
        assertThat(privacy.body().path("disappearingMode").path("duration").asInt()).isZero();

        var set = admin.post("/admin/accounts/" + A + "/privacy", Map.of("name", "profile", "value", "none"));
        assertThat(set.status()).as("%s", set.body()).isEqualTo(200);
        assertThat(admin.get("/admin/accounts/" + A + "/privacy").body().path("categories").path("profile").asText())
                .isEqualTo("none");
        assertError(admin.post("/admin/accounts/" + A + "/privacy", Map.of("name", "profile", "value", "nobody")), 400, "invalid-privacy");
        assertError(admin.post("/admin/accounts/" + A + "/privacy", "[]"), 400, "invalid-json");
    }

    @Test
    void thePhoneBlocksAndUnblocks() {
        var blocked = admin.post("/admin/accounts/" + B + "/blocklist", Map.of("jid", A + "@s.whatsapp.net", "action", "block"));
        assertThat(blocked.status()).as("%s", blocked.body()).isEqualTo(200);
        assertThat(blocked.body().get(0).path("jid").asText()).isEqualTo(A + "@s.whatsapp.net");
        assertThat(blocked.body().get(0).path("lid").asText()).endsWith("@lid");
        assertThat(admin.get("/admin/accounts/" + B + "/blocklist").body().size()).isEqualTo(1);
        assertThat(admin.post("/admin/accounts/" + B + "/blocklist", Map.of("jid", A + "@s.whatsapp.net", "action", "unblock"))
                .body().size()).isZero();

        assertError(admin.post("/admin/accounts/" + B + "/blocklist", Map.of("jid", A + "@s.whatsapp.net", "action", "mute")), 400, "invalid-action");
        assertError(admin.post("/admin/accounts/" + B + "/blocklist", Map.of("jid", "@@", "action", "block")), 400, "invalid-jid");
        assertError(admin.post("/admin/accounts/" + B + "/blocklist", Map.of("jid", B + "@s.whatsapp.net", "action", "block")), 400, "invalid-jid");
        assertError(admin.post("/admin/accounts/" + B + "/blocklist", Map.of("jid", "15559999999@s.whatsapp.net", "action", "block")), 404, "unknown-user");
    }

    @Test
    void contactsProfileAndPresenceAreReadable() {
        var contacts = admin.post("/admin/accounts/" + A + "/contacts", Map.of("jid", B + "@s.whatsapp.net"));
        assertThat(contacts.status()).isEqualTo(200);
        assertThat(contacts.body().toString()).contains(B + "@s.whatsapp.net");
        assertThat(admin.get("/admin/accounts/" + B + "/contacts").body().toString()).contains(A + "@s.whatsapp.net");

        var profile = admin.get("/admin/accounts/" + A + "/profile");
        assertThat(profile.body().path("pushName").asText()).isEqualTo("Ann");
        assertThat(profile.body().path("status").isNull()).isTrue();
        assertThat(profile.body().path("pictureId").isNull()).isTrue();

        var presence = admin.get("/admin/accounts/" + A + "/presence");
        assertThat(presence.body().path("online").asBoolean()).isFalse();
        assertThat(presence.body().path("lastSeen").asLong()).isZero();
        assertThat(presence.body().path("subscribers").asInt()).isZero();
    }

    @Test
    void errorsAreTyped() {
        assertError(admin.get("/admin/accounts/15559999999/privacy"), 404, "unknown-account");
        assertError(admin.post("/admin/accounts/" + A + "/profile", Map.of()), 405, "method-not-allowed");
        assertError(admin.delete("/admin/accounts/" + A + "/blocklist"), 405, "method-not-allowed");
        assertError(admin.post("/admin/accounts/" + A + "/contacts", Map.of("jid", "15559999999@s.whatsapp.net")), 404, "unknown-user");
    }

    private static void assertError(AdminClient.Answer answer, int status, String code) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
        assertThat(answer.body().path("error").asText()).isEqualTo(code);
    }
}
