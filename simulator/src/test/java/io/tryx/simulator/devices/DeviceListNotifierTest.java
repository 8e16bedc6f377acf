package io.tryx.simulator.devices;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.TestClient;
import io.tryx.simulator.social.SocialHarness;
import org.junit.jupiter.api.Test;

import static io.tryx.simulator.social.SocialHarness.notifications;
import static org.assertj.core.api.Assertions.assertThat;

class DeviceListNotifierTest {

    private final SocialHarness h = new SocialHarness();

    @Test
    void linkingAndUnlinkingACompanionReachesOwnDevicesAndPeers() {
        TestClient alice1 = h.companion(h.a);
        TestClient bob = h.companion(h.b);
        TestClient carol = h.companion(h.c);
        bob.send(SocialHarness.text("M1", h.a));

        TestClient alice2 = h.companion(h.a);
        for (TestClient told : new TestClient[] {alice1, bob}) {
            Node notification = notifications(told, "devices").getLast();
            assertThat(notification.attrs().string("from")).isEqualTo(h.a.jid().toString());
            assertThat(notification.attrs().string("lid")).isEqualTo(h.a.lid().toString());
            Node add = notification.child("add").orElseThrow();
            assertThat(add.attrs().string("device_hash")).isEqualTo(DeviceListHash.of(DeviceListNotifier.devices(h.a, false)));
            assertThat(add.attrs().string("device_lid_hash")).isEqualTo(DeviceListHash.of(DeviceListNotifier.devices(h.a, true)));
            Node device = add.child("device").orElseThrow();
            assertThat(device.attrs().string("jid")).isEqualTo(h.a.jid().withDevice(2).toString());
            assertThat(device.attrs().string("lid")).isEqualTo(h.a.lid().withDevice(2).toString());
            assertThat(device.attrs().string("key-index")).isEqualTo("2");
            assertThat(add.child("key-index-list").orElseThrow().attrs().has("ts")).isTrue();
        }
        assertThat(notifications(carol, "devices")).isEmpty();
        assertThat(notifications(alice2, "devices")).isEmpty();

        h.m.harness.sessions.unlink(h.a, 2);
        Node remove = notifications(bob, "devices").getLast().child("remove").orElseThrow();
        assertThat(remove.child("device").orElseThrow().attrs().string("jid")).isEqualTo(h.a.jid().withDevice(2).toString());
        assertThat(remove.attrs().string("device_hash")).isEqualTo(DeviceListHash.of(DeviceListNotifier.devices(h.a, false)));
        assertThat(notifications(alice1, "devices").getLast().child("remove")).isPresent();
    }

    @Test
    void groupMembersArePeersToo() {
        TestClient alice = h.companion(h.a);
        TestClient carol = h.companion(h.c);
        Node create = Node.builder("iq").attr("id", "g1").attr("xmlns", "w:g2").attr("type", "set").attr("to", "@g.us")
                .children(Node.builder("create").attr("subject", "team").attr("key", "k1")
                        .children(Node.builder("participant").attr("jid", h.c.jid()).build()).build()).build();
        SocialHarness.result(alice, create);
        h.companion(h.a);
        assertThat(notifications(carol, "devices")).hasSize(1);
    }

    @Test
    void theHashIsWhatsAppsListHash() {
        // sha256("1555.0:0@s.whatsapp.net1555.0:1@s.whatsapp.net")[0..6], base64 without padding
        String hash = DeviceListHash.of(java.util.List.of(io.tryx.protocol.jid.Jid.parse("1555:1@s.whatsapp.net"),
                io.tryx.protocol.jid.Jid.parse("1555@s.whatsapp.net")));
        assertThat(hash).isEqualTo("2:FfqumWiD");
        assertThat(hash).isEqualTo(DeviceListHash.of(java.util.List.of(io.tryx.protocol.jid.Jid.parse("1555@s.whatsapp.net"),
                io.tryx.protocol.jid.Jid.parse("1555:1@s.whatsapp.net"))));
    }
}
