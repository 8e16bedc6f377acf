package io.tryx.simulator.login;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.simulator.Harness;
import io.tryx.simulator.TestClient;
import io.tryx.simulator.account.Account;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoginTest {

    private static final String PHONE = "15550003333";
    private final Harness harness = new Harness();
    private final Account account = harness.accounts.create(PHONE, "Phone");

    @Test
    void unknownDeviceGetsFailure401AndIsClosed() {
        TestClient client = harness.client().handshake(TestClient.login(PHONE, 7));
        assertThat(client.last().tag()).isEqualTo("failure");
        assertThat(client.last().attrs().string("reason")).isEqualTo("401");
        assertThat(client.transport.isClosed()).isTrue();
    }

    @Test
    void linkedDeviceWithAnotherNoiseKeyGetsFailure401() {
        account.link(account.reserveSlot(), Curve25519.generateKeyPair().publicKey(), new byte[32], "1");
        TestClient client = harness.client().handshake(TestClient.login(PHONE, 1));
        assertThat(client.last().attrs().string("reason")).isEqualTo("401");
        assertThat(client.transport.isClosed()).isTrue();
    }

    @Test
    void linkedDeviceGetsSuccessWithItsLidThenOfflineCountZero() {
        TestClient client = harness.client();
        account.link(account.reserveSlot(), client.noiseKey.publicKey(), client.identityKey.publicKey(), "1");
        client.handshake(TestClient.login(PHONE, 1));
        List<Node> received = client.received();
        assertThat(received).extracting(Node::tag).containsExactly("success", "ib");
        Node success = received.getFirst();
        assertThat(success.attrs().string("lid")).isEqualTo(account.lid().withDevice(1).toString());
        assertThat(success.attrs().has("t")).isTrue();
        assertThat(received.get(1).child("offline").orElseThrow().attrs().string("count")).isEqualTo("0");
        assertThat(client.transport.isClosed()).isFalse();
    }

    @Test
    void aLoginWithoutUserAgentGetsFailure409() {
        TestClient client = harness.client();
        account.link(account.reserveSlot(), client.noiseKey.publicKey(), client.identityKey.publicKey(), "1");
        client.handshake(TestClient.loginWithoutUserAgent(PHONE, 1));
        assertThat(client.last().attrs().string("reason")).isEqualTo("409");
        assertThat(client.transport.isClosed()).isTrue();
    }
}
