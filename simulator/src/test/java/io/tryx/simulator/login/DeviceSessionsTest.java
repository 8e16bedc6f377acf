package io.tryx.simulator.login;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.Harness;
import io.tryx.simulator.TestClient;
import io.tryx.simulator.account.Account;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceSessionsTest {

    private static final String PHONE = "15550006666";
    private final Harness harness = new Harness();
    private final Account account = harness.accounts.create(PHONE, "Phone");

    @Test
    void secondLoginOfTheSameDeviceReplacesTheFirst() {
        TestClient first = harness.client();
        account.link(account.reserveSlot(), first.noiseKey.publicKey(), first.identityKey.publicKey(), "1");
        first.handshake(TestClient.login(PHONE, 1));

        TestClient second = harness.client();
        second.useKeysOf(first);
        second.handshake(TestClient.login(PHONE, 1));

        assertThat(second.received()).extracting(Node::tag).contains("success");
        Node error = first.last();
        assertThat(error.tag()).isEqualTo("stream:error");
        assertThat(error.child("conflict").orElseThrow().attrs().string("type")).isEqualTo("replaced");
        assertThat(first.transport.isClosed()).isTrue();
        assertThat(second.transport.isClosed()).isFalse();
    }

    @Test
    void removingACompanionDeviceUnlinksItAndEndsItsSession() {
        TestClient self = harness.client();
        account.link(account.reserveSlot(), self.noiseKey.publicKey(), self.identityKey.publicKey(), "1");
        self.handshake(TestClient.login(PHONE, 1));

        Node answer = self.query(Node.builder("iq").attr("id", "rm1").attr("type", "set").attr("xmlns", "md")
                .attr("to", "s.whatsapp.net").children(Node.builder("remove-companion-device")
                        .attr("jid", PHONE + ":1@s.whatsapp.net").attr("reason", "user_initiated").build()).build());

        assertThat(answer.attrs().string("type")).isEqualTo("result");
        assertThat(account.device(1)).isEmpty();
        assertThat(self.last().child("conflict").orElseThrow().attrs().string("type")).isEqualTo("device_removed");
        assertThat(self.transport.isClosed()).isTrue();
    }

    @Test
    void thePhoneUnlinkingADeviceEndsItsSession() {
        TestClient self = harness.client();
        account.link(account.reserveSlot(), self.noiseKey.publicKey(), self.identityKey.publicKey(), "1");
        self.handshake(TestClient.login(PHONE, 1));
        assertThat(harness.sessions.unlink(account, 1)).isTrue();
        assertThat(self.last().child("conflict").orElseThrow().attrs().string("type")).isEqualTo("device_removed");
        assertThat(self.transport.isClosed()).isTrue();
        assertThat(harness.sessions.unlink(account, 1)).isFalse();
    }

    @Test
    void removingAnotherAccountsDeviceIsForbidden() {
        TestClient self = harness.client();
        account.link(account.reserveSlot(), self.noiseKey.publicKey(), self.identityKey.publicKey(), "1");
        self.handshake(TestClient.login(PHONE, 1));
        Node answer = self.query(Node.builder("iq").attr("id", "rm2").attr("type", "set").attr("xmlns", "md")
                .children(Node.builder("remove-companion-device").attr("jid", "15559990000:1@s.whatsapp.net").build()).build());
        assertThat(answer.child("error").orElseThrow().attrs().string("code")).isEqualTo("403");
        assertThat(self.transport.isClosed()).isFalse();
    }
}
