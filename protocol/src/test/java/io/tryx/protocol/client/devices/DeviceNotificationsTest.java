package io.tryx.protocol.client.devices;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceNotificationsTest {

    @Test
    void readsAnAddWithItsDevicesHashesAndKeyIndex() {
        Node notification = Node.builder("notification").attr("from", "15550001111@s.whatsapp.net")
                .attr("lid", "123456789012345@lid").attr("type", "devices").attr("id", "1").attr("t", 1_700_000_000L)
                .children(Node.builder("add").attr("device_hash", "2:AAAAAAAA").attr("device_lid_hash", "2:BBBBBBBB")
                        .children(Node.builder("device").attr("jid", "15550001111:3@s.whatsapp.net")
                                        .attr("lid", "123456789012345:3@lid").attr("key-index", 2).build(),
                                Node.builder("key-index-list").attr("ts", 1_699_999_999L).build()).build(),
                        Node.builder("unknown").build())
                .build();

        assertThat(DeviceNotifications.isDevices(notification)).isTrue();
        assertThat(DeviceNotifications.isIdentityChange(notification)).isFalse();
        DeviceNotifications.Devices devices = DeviceNotifications.devices(notification);
        assertThat(devices.user()).isEqualTo(Jid.parse("15550001111@s.whatsapp.net"));
        assertThat(devices.lid()).isEqualTo(Jid.parse("123456789012345@lid"));
        assertThat(devices.at()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(devices.changes()).singleElement().satisfies(change -> {
            assertThat(change.change()).isEqualTo(DeviceEvent.Change.ADD);
            assertThat(change.devices()).containsExactly(Jid.parse("15550001111:3@s.whatsapp.net"));
            assertThat(change.lidDevices()).containsExactly(Jid.parse("123456789012345:3@lid"));
            assertThat(change.deviceHash()).contains("2:AAAAAAAA");
            assertThat(change.lidHash()).contains("2:BBBBBBBB");
            assertThat(change.keyIndex()).contains(1_699_999_999L);
        });
    }

    @Test
    void anIdentityChangeComesFromAUserNotFromTheServer() {
        Node identity = Node.builder("notification").attr("from", "15550001111@s.whatsapp.net").attr("type", "encrypt")
                .attr("lid", "123456789012345@lid").attr("t", 5).children(Node.of("identity")).build();
        Node count = Node.builder("notification").attr("from", "s.whatsapp.net").attr("type", "encrypt")
                .children(Node.builder("count").attr("value", 3).build()).build();

        assertThat(DeviceNotifications.isIdentityChange(identity)).isTrue();
        assertThat(DeviceNotifications.isIdentityChange(count)).isFalse();
        DeviceEvent.IdentityChanged changed = DeviceNotifications.identity(identity);
        assertThat(changed.user()).isEqualTo(Jid.parse("15550001111@s.whatsapp.net"));
        assertThat(changed.lid()).isEqualTo(Jid.parse("123456789012345@lid"));
        assertThat(changed.at()).isEqualTo(Instant.ofEpochSecond(5));
    }

    @Test
    void aNotificationNotFromAUserIsATypedError() {
        Node fromGroup = Node.builder("notification").attr("from", "120363000000000000@g.us").attr("type", "devices").build();
        assertThatThrownBy(() -> DeviceNotifications.devices(fromGroup)).isInstanceOf(ProtocolException.class);
        Node badDevice = Node.builder("notification").attr("from", "15550001111@s.whatsapp.net").attr("type", "devices")
                .children(Node.builder("remove").children(Node.builder("device").attr("jid", "not a jid@@").build()).build())
                .build();
        assertThatThrownBy(() -> DeviceNotifications.devices(badDevice)).isInstanceOf(ProtocolException.class);
    }
}
