package io.tryx.simulator.privacy;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.TestClient;
import io.tryx.simulator.social.SocialHarness;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.tryx.simulator.social.SocialHarness.errorCode;
import static io.tryx.simulator.social.SocialHarness.notifications;
import static io.tryx.simulator.social.SocialHarness.result;
import static org.assertj.core.api.Assertions.assertThat;

class PrivacyIqTest {

    private final SocialHarness h = new SocialHarness();

    @Test
    void getAnswersEveryCategoryWithWhatsAppsDefaults() {
        TestClient alice = h.companion(h.a);
        Node privacy = result(alice, h.iq("privacy", "get", Node.builder("privacy").build())).child("privacy").orElseThrow();
        assertThat(categories(privacy)).containsExactly(Map.entry("last", "all"), Map.entry("online", "all"),
                Map.entry("profile", "all"), Map.entry("status", "contacts"), Map.entry("readreceipts", "all"),
                Map.entry("groupadd", "all"), Map.entry("calladd", "all"), Map.entry("messages", "all"),
                Map.entry("defense", "off"));
    }

    @Test
    void setChangesOneCategoryAndTellsTheOtherCompanions() {
        TestClient alice1 = h.companion(h.a);
        TestClient alice2 = h.companion(h.a);
        Node answer = result(alice1, h.iq("privacy", "set", privacy(category("last", "none"))));
        assertThat(answer.child("privacy").orElseThrow().child("category").orElseThrow().attrs().string("value")).isEqualTo("none");

        Node privacy = result(alice2, h.iq("privacy", "get", Node.builder("privacy").build())).child("privacy").orElseThrow();
        assertThat(categories(privacy)).containsEntry("last", "none").containsEntry("online", "all");
        Node sync = notifications(alice2, "account_sync").getLast();
        assertThat(sync.attrs().string("from")).isEqualTo(h.a.jid().toString());
        Node changed = sync.child("privacy").orElseThrow().child("category").orElseThrow();
        assertThat(changed.attrs().string("name")).isEqualTo("last");
        assertThat(changed.attrs().string("value")).isEqualTo("none");
        assertThat(notifications(alice1, "account_sync")).isEmpty();
    }

    @Test
    void unknownCategoriesAndValuesAre400AndChangeNothing() {
        TestClient alice = h.companion(h.a);
        assertThat(errorCode(alice, h.iq("privacy", "set", privacy(category("shoesize", "all"))))).isEqualTo(400);
        assertThat(errorCode(alice, h.iq("privacy", "set", privacy(category("online", "contacts"))))).isEqualTo(400);
        assertThat(errorCode(alice, h.iq("privacy", "set", privacy(category("last", "none"), category("readreceipts", "contacts")))))
                .isEqualTo(400);
        assertThat(errorCode(alice, h.iq("privacy", "set", privacy()))).isEqualTo(400);
        assertThat(errorCode(alice, h.iq("privacy", "get"))).isEqualTo(400);
        assertThat(h.social.privacy().settings(h.a).value(PrivacyCategory.LAST)).isEqualTo("all");
    }

    @Test
    void contactBlacklistHidesFromTheListedContactsOnly() {
        TestClient alice = h.companion(h.a);
        h.social.contacts().add(h.a, h.b);
        h.social.contacts().add(h.a, h.c);
        result(alice, h.iq("privacy", "set", privacy(Node.builder("category").attr("name", "last").attr("value", "contact_blacklist")
                .children(Node.builder("user").attr("jid", h.b.lid()).attr("action", "add").build()).build())));
        Privacy privacy = h.social.privacy();
        assertThat(privacy.visible(h.a, PrivacyCategory.LAST, h.b)).isFalse();
        assertThat(privacy.visible(h.a, PrivacyCategory.LAST, h.c)).isTrue();

        result(alice, h.iq("privacy", "set", privacy(Node.builder("category").attr("name", "last").attr("value", "contact_blacklist")
                .children(Node.builder("user").attr("jid", h.b.jid()).attr("action", "remove").build()).build())));
        assertThat(privacy.visible(h.a, PrivacyCategory.LAST, h.b)).isTrue();
        assertThat(errorCode(alice, h.iq("privacy", "set", privacy(Node.builder("category").attr("name", "last")
                .attr("value", "contact_blacklist").children(Node.builder("user").attr("jid", "19999999999@s.whatsapp.net").build()).build()))))
                .isEqualTo(404);
    }

    @Test
    void contactsMeansPeopleTheAccountExchangedMessagesWith() {
        TestClient alice = h.companion(h.a);
        h.companion(h.b);
        result(alice, h.iq("privacy", "set", privacy(category("profile", "contacts"))));
        Privacy privacy = h.social.privacy();
        assertThat(privacy.visible(h.a, PrivacyCategory.PROFILE, h.b)).isFalse();
        alice.send(SocialHarness.text("C1", h.b));
        assertThat(privacy.visible(h.a, PrivacyCategory.PROFILE, h.b)).isTrue();
        assertThat(privacy.visible(h.a, PrivacyCategory.PROFILE, h.c)).isFalse();
        assertThat(privacy.visible(h.a, PrivacyCategory.PROFILE, h.a)).isTrue();
    }

    @Test
    void onlineMatchingLastSeenFollowsIt() {
        Privacy privacy = h.social.privacy();
        privacy.settings(h.a).set(PrivacyCategory.LAST, "none");
        assertThat(privacy.visible(h.a, PrivacyCategory.ONLINE, h.b)).isTrue();
        privacy.settings(h.a).set(PrivacyCategory.ONLINE, "match_last_seen");
        assertThat(privacy.visible(h.a, PrivacyCategory.ONLINE, h.b)).isFalse();
    }

    @Test
    void defaultDisappearingModeIsSetReadAndSynced() {
        TestClient alice1 = h.companion(h.a);
        TestClient alice2 = h.companion(h.a);
        result(alice1, h.iq("disappearing_mode", "set", Node.builder("disappearing_mode").attr("duration", "604800").build()));
        Node got = result(alice2, h.iq("disappearing_mode", "get")).child("disappearing_mode").orElseThrow();
        assertThat(got.attrs().string("duration")).isEqualTo("604800");
        Node sync = notifications(alice2, "account_sync").getLast().child("disappearing_mode").orElseThrow();
        assertThat(sync.attrs().string("duration")).isEqualTo("604800");
        assertThat(sync.attrs().string("t")).isEqualTo(Long.toString(h.m.harness.clock.instant().getEpochSecond()));

        assertThat(errorCode(alice1, h.iq("disappearing_mode", "set", Node.builder("disappearing_mode").attr("duration", "5").build())))
                .isEqualTo(400);
        assertThat(errorCode(alice1, h.iq("disappearing_mode", "set", Node.builder("disappearing_mode").attr("duration", "x").build())))
                .isEqualTo(400);
        assertThat(errorCode(alice1, h.iq("disappearing_mode", "set"))).isEqualTo(400);
    }

    @Test
    void privacyIqsNeedALogin() {
        TestClient pairing = h.m.harness.client().handshake(TestClient.registration());
        assertThat(errorCode(pairing, h.iq("privacy", "get", Node.builder("privacy").build()))).isEqualTo(401);
    }

    static Node privacy(Node... categories) {
        return Node.builder("privacy").children(categories).build();
    }

    static Node category(String name, String value) {
        return Node.builder("category").attr("name", name).attr("value", value).build();
    }

    static Map<String, String> categories(Node privacy) {
        Map<String, String> out = new LinkedHashMap<>();
        privacy.children("category").forEach(c -> out.put(c.attrs().string("name"), c.attrs().string("value")));
        return out;
    }
}
