package io.tryx.protocol.client.devices;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the device notifications of the server: {@code <notification from="user" lid="user lid"? type="devices" t>
 * <add|remove|update device_hash? device_lid_hash?><device jid lid? key-index?/>...<key-index-list ts?/>
 * </add|remove|update></notification>} (one {@link Changed} per child) and identity changes {@code <notification
 * from="user" type="encrypt" t><identity/></notification>}. Pure: no store, no IO.
 */
public final class DeviceNotifications {

    private DeviceNotifications() {
    }

    /** One child of a {@code devices} notification: the change, the devices named and the hashes of the new lists. */
    public record Changed(DeviceEvent.Change change, List<Jid> devices, List<Jid> lidDevices, Optional<String> deviceHash,
                          Optional<String> lidHash, Optional<Long> keyIndex) {
        public Changed {
            devices = List.copyOf(devices);
            lidDevices = List.copyOf(lidDevices);
        }
    }

    /** A parsed {@code devices} notification. */
    public record Devices(Jid user, Jid lid, Instant at, List<Changed> changes) {
        public Devices {
            changes = List.copyOf(changes);
        }
    }

    /** True for a {@code type="devices"} notification. */
    public static boolean isDevices(Node notification) {
        return notification.attrs().optionalString("type").filter("devices"::equals).isPresent();
    }

    /** True for an identity change: {@code type="encrypt"} from a user (not the server) with {@code <identity/>}. */
    public static boolean isIdentityChange(Node notification) {
        return notification.attrs().optionalString("type").filter("encrypt"::equals).isPresent()
                && notification.child("identity").isPresent()
                && notification.attrs().optionalString("from").filter(f -> f.contains("@") && !f.startsWith("@")).isPresent();
    }

    /**
     * Parses a {@code devices} notification.
     *
     * @throws ProtocolException when {@code from} is missing or no user, or a device JID is malformed
     */
    public static Devices devices(Node notification) {
        try {
            Jid user = user(notification);
            Jid lid = notification.attrs().optionalJid("lid").map(Jid::toNonAd).filter(Jid::isLid).orElse(null);
            List<Changed> changes = new ArrayList<>();
            for (Node child : notification.children()) {
                DeviceEvent.Change change;
                try {
                    change = DeviceEvent.Change.valueOf(child.tag().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                List<Jid> devices = new ArrayList<>();
                List<Jid> lidDevices = new ArrayList<>();
                for (Node device : child.children("device")) {
                    device.attrs().optionalJid("jid").ifPresent(devices::add);
                    device.attrs().optionalJid("lid").ifPresent(lidDevices::add);
                }
                Optional<Long> keyIndex = child.child("key-index-list").flatMap(k -> k.attrs().optionalLong("ts"));
                changes.add(new Changed(change, devices, lidDevices, child.attrs().optionalString("device_hash"),
                        child.attrs().optionalString("device_lid_hash"), keyIndex));
            }
            return new Devices(user, lid, time(notification), changes);
        } catch (ProtocolException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "bad devices notification: " + e.getMessage());
        }
    }

    /**
     * Parses an identity change into its event ({@code lid} from the notification's {@code lid} or a LID
     * {@code from}).
     *
     * @throws ProtocolException when {@code from} is missing or no user
     */
    public static DeviceEvent.IdentityChanged identity(Node notification) {
        try {
            Jid user = user(notification);
            Jid lid = notification.attrs().optionalJid("lid").map(Jid::toNonAd).filter(Jid::isLid)
                    .orElse(user.isLid() ? user : null);
            return new DeviceEvent.IdentityChanged(user, lid, time(notification));
        } catch (ProtocolException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "bad identity notification: " + e.getMessage());
        }
    }

    private static Jid user(Node notification) {
        Jid from = notification.attrs().optionalJid("from")
                .orElseThrow(() -> new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "notification without from"));
        if (!(from.isPhoneUser() || from.isLid())) {
            throw new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "notification not from a user: " + from);
        }
        return from.toNonAd();
    }

    private static Instant time(Node notification) {
        return Instant.ofEpochSecond(notification.attrs().optionalLong("t").orElse(0L));
    }
}
