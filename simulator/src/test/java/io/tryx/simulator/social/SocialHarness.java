package io.tryx.simulator.social;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.TestClient;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.messaging.MessagingHarness;

import java.util.List;

/** Three accounts (Alice, Bob, Carol) on a {@link MessagingHarness}, with helpers for the social handler tests. */
public final class SocialHarness {

    public static final String C = "15550007773";

    public final MessagingHarness m = new MessagingHarness();
    public final Account a = m.a;
    public final Account b = m.b;
    public final Account c = m.harness.accounts.create(C, "Carol");
    public final Social social = m.harness.social;

    /** A logged-in companion of {@code account}. */
    public TestClient companion(Account account) {
        return m.companion(account, 10);
    }

    /** An IQ to the server. */
    public Node iq(String xmlns, String type, Node... children) {
        return m.iq(xmlns, type, children);
    }

    /** Sends the IQ and returns the answer, failing unless it is a result. */
    public static Node result(TestClient client, Node iq) {
        Node answer = client.query(iq);
        if (!answer.attrs().string("type").equals("result")) {
            throw new AssertionError("expected a result for " + iq + " but got " + answer);
        }
        return answer;
    }

    /** The error code of the answer, failing unless it is an error. */
    public static int errorCode(TestClient client, Node iq) {
        Node answer = client.query(iq);
        if (!answer.attrs().string("type").equals("error")) {
            throw new AssertionError("expected an error for " + iq + " but got " + answer);
        }
        return Integer.parseInt(answer.child("error").orElseThrow().attrs().string("code"));
    }

    /** The notifications of {@code type} the client received. */
    public static List<Node> notifications(TestClient client, String type) {
        return MessagingHarness.tagged(client, "notification").stream()
                .filter(n -> n.attrs().string("type").equals(type)).toList();
    }

    /** A 1:1 text from {@code client} to {@code to}'s device 1 (so the two become contacts). */
    public static Node text(String id, Account to) {
        return MessagingHarness.message(id, to.jid().toString(), MessagingHarness.to(to.jid().withDevice(1).toString(), "msg", 1));
    }
}
