package io.tryx.simulator.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.TestClient;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tryx.simulator.messaging.MessagingHarness.A;
import static io.tryx.simulator.messaging.MessagingHarness.B;
import static org.assertj.core.api.Assertions.assertThat;

class UsyncAndPreKeysTest {

    private final MessagingHarness h = new MessagingHarness();

    @Test
    void usyncListsDevicesWithKeyIndexLidAndContact() {
        TestClient alice = h.companion(h.a, 10);
        h.companion(h.b, 10);
        Node answer = alice.query(h.iq("usync", "get", usync("message",
                user(B + "@s.whatsapp.net"), user(h.b.lid().toString()), user("15550000000@s.whatsapp.net"))));
        assertThat(answer.attrs().string("type")).isEqualTo("result");
        Node usync = answer.child("usync").orElseThrow();
        assertThat(usync.attrs().string("context")).isEqualTo("message");
        assertThat(usync.child("result").orElseThrow().children()).extracting(Node::tag).containsExactly("devices", "lid", "contact");
        List<Node> users = usync.child("list").orElseThrow().children("user");
        assertThat(users).hasSize(3);

        Node byPhone = users.get(0);
        List<Node> devices = byPhone.child("devices").orElseThrow().child("device-list").orElseThrow().children("device");
        assertThat(devices).extracting(d -> d.attrs().string("id")).containsExactly("0", "1");
        assertThat(devices.get(0).attrs().has("key-index")).isFalse();
        assertThat(devices.get(1).attrs().string("key-index")).isEqualTo("1");
        assertThat(byPhone.child("lid").orElseThrow().attrs().string("val")).isEqualTo(h.b.lid().toString());
        assertThat(byPhone.child("contact").orElseThrow().attrs().string("type")).isEqualTo("in");

        Node byLid = users.get(1);
        assertThat(byLid.attrs().string("jid")).isEqualTo(h.b.lid().toString());
        assertThat(byLid.child("devices").orElseThrow().child("device-list").orElseThrow().children("device")).hasSize(2);
        assertThat(byLid.child("lid").orElseThrow().attrs().has("val")).isFalse();

        Node unknown = users.get(2);
        assertThat(unknown.child("contact").orElseThrow().attrs().string("type")).isEqualTo("out");
        assertThat(unknown.child("devices").orElseThrow().child("device-list").orElseThrow().children()).isEmpty();
    }

    @Test
    void usyncWithoutQueryIsBadRequestAndTheConnectionSurvives() {
        TestClient alice = h.companion(h.a, 10);
        Node answer = alice.query(h.iq("usync", "get", Node.builder("usync").build()));
        assertThat(answer.child("error").orElseThrow().attrs().string("code")).isEqualTo("400");
        assertThat(alice.query(h.iq("w:p", "get", Node.builder("ping").build())).attrs().string("type")).isEqualTo("result");
    }

    @Test
    void aOneTimePreKeyIsHandedOutOnceThenOmittedAndTheOwnerIsToldWhenLow() {
        TestClient alice = h.companion(h.a, 10);
        TestClient bob = h.companion(h.b, 6);
        String bob1 = B + ":1@s.whatsapp.net";
        List<String> handed = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Node user = fetch(alice, bob1).getFirst();
            assertThat(user.child("registration").orElseThrow().contentBytes().orElseThrow()).containsExactly(0, 0, 0, 77);
            assertThat(user.child("type").orElseThrow().contentBytes().orElseThrow()).containsExactly(5);
            assertThat(user.child("skey").orElseThrow().child("signature").orElseThrow().contentBytes().orElseThrow()).hasSize(64);
            user.child("key").ifPresent(k -> handed.add(java.util.Arrays.toString(k.child("id").orElseThrow().contentBytes().orElseThrow())));
        }
        assertThat(handed).hasSize(6).doesNotHaveDuplicates();
        assertThat(h.b.device(1).orElseThrow().preKeyCount()).isZero();
        List<Node> low = MessagingHarness.tagged(bob, "notification");
        assertThat(low).isNotEmpty();
        assertThat(low.getFirst().attrs().string("type")).isEqualTo("encrypt");
        assertThat(low.getFirst().child("count").orElseThrow().attrs().string("value")).isEqualTo("4");
    }

    @Test
    void thePhoneServesABundleAndUnknownDevicesAreItemNotFound() {
        TestClient alice = h.companion(h.a, 10);
        List<Node> users = fetch(alice, h.b.lid().withDevice(0).toString(), B + ":9@s.whatsapp.net", "15550000000@s.whatsapp.net");
        assertThat(users.get(0).child("identity").orElseThrow().contentBytes().orElseThrow()).hasSize(32);
        assertThat(users.get(0).child("key")).isPresent();
        assertThat(users.get(1).child("error").orElseThrow().attrs().string("code")).isEqualTo("404");
        assertThat(users.get(2).child("error").orElseThrow().attrs().string("code")).isEqualTo("404");
        String first = java.util.Arrays.toString(users.get(0).child("key").orElseThrow().child("id").orElseThrow().contentBytes().orElseThrow());
        String second = java.util.Arrays.toString(fetch(alice, B + "@s.whatsapp.net").getFirst()
                .child("key").orElseThrow().child("id").orElseThrow().contentBytes().orElseThrow());
        assertThat(second).isNotEqualTo(first);
    }

    private List<Node> fetch(TestClient client, String... jids) {
        List<Node> users = java.util.Arrays.stream(jids).map(j -> Node.builder("user").attr("jid", j).build()).toList();
        Node answer = client.query(h.iq("encrypt", "get", Node.builder("key").children(users).build()));
        assertThat(answer.attrs().string("type")).as("%s", answer).isEqualTo("result");
        return answer.child("list").orElseThrow().children("user");
    }

    private static Node usync(String context, Node... users) {
        return Node.builder("usync").attr("context", context).attr("mode", "query").attr("sid", "s1").attr("last", "true")
                .attr("index", "0").children(
                        Node.builder("query").children(Node.builder("devices").attr("version", "2").build(),
                                Node.builder("lid").build(), Node.builder("contact").build()).build(),
                        Node.builder("list").children(users).build()).build();
    }

    private static Node user(String jid) {
        return Node.builder("user").attr("jid", jid).build();
    }
}
