package io.tryx.simulator.groups;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.TestClient;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.messaging.MessagingHarness;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Three accounts (A, B, C) with one logged-in companion each on a {@link io.tryx.simulator.Harness}, plus w:g2 helpers. */
final class GroupHarness {

    static final String A = MessagingHarness.A;
    static final String B = MessagingHarness.B;
    static final String C = "15550007773";
    static final String A_JID = A + "@s.whatsapp.net";
    static final String B_JID = B + "@s.whatsapp.net";
    static final String C_JID = C + "@s.whatsapp.net";

    final MessagingHarness m = new MessagingHarness();
    final Account a = m.a;
    final Account b = m.b;
    final Account c = m.harness.accounts.create(C, "Carol");
    final TestClient a1 = m.companion(a, 10);
    final TestClient b1 = m.companion(b, 10);
    final TestClient c1 = m.companion(c, 10);
    private int ids;

    /** {@code iq xmlns=w:g2 to type}child. */
    Node iq(String to, String type, Node child) {
        return Node.builder("iq").attr("id", "g" + ++ids).attr("xmlns", "w:g2").attr("type", type).attr("to", to)
                .children(child).build();
    }

    /** Sends the IQ from {@code client} and returns the answer. */
    Node query(TestClient client, String to, String type, Node child) {
        return client.query(iq(to, type, child));
    }

    /** {@code client} creates a group with these participants; returns its JID. */
    String create(TestClient client, String subject, String... participants) {
        Node answer = query(client, "@g.us", "set", Node.builder("create").attr("subject", subject).attr("key", "K1")
                .children(participantNodes(participants)).build());
        assertThat(answer.attrs().string("type")).as("%s", answer).isEqualTo("result");
        return answer.child("group").orElseThrow().attrs().string("id") + "@g.us";
    }

    /** {@code <tag><participant jid/>...</tag>}. */
    static Node change(String tag, String... jids) {
        return Node.builder(tag).children(participantNodes(jids)).build();
    }

    static List<Node> participantNodes(String... jids) {
        return Arrays.stream(jids).map(j -> Node.builder("participant").attr("jid", j).build()).toList();
    }

    /** The w:gp2 notifications {@code client} received. */
    static List<Node> notifications(TestClient client) {
        return MessagingHarness.tagged(client, "notification").stream()
                .filter(n -> "w:gp2".equals(n.attrs().optionalString("type").orElse(""))).toList();
    }

    /** The change element of the last w:gp2 notification {@code client} received. */
    static Node lastChange(TestClient client) {
        List<Node> all = notifications(client);
        assertThat(all).as("notifications").isNotEmpty();
        return all.getLast().children().getFirst();
    }

    /** The participant JIDs a change or group element lists. */
    static List<String> jids(Node node) {
        return node.children("participant").stream().map(p -> p.attrs().string("jid")).toList();
    }

    static void assertError(Node answer, int code) {
        assertThat(answer.attrs().string("type")).as("%s", answer).isEqualTo("error");
        assertThat(answer.child("error").orElseThrow().attrs().string("code")).isEqualTo(Integer.toString(code));
    }

    static void assertResult(Node answer) {
        assertThat(answer.attrs().string("type")).as("%s", answer).isEqualTo("result");
    }

    static String text(Node node) {
        return node.contentText().orElseGet(() -> new String(node.contentBytes().orElseThrow(), StandardCharsets.UTF_8));
    }
}
