package io.tryx.simulator.devices;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.DeviceListener;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.contacts.AccountNotifier;
import io.tryx.simulator.contacts.Contacts;
import io.tryx.simulator.messaging.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Device list notifications: when a companion is linked or unlinked, the account's other companions and its
 * peers (see {@link Contacts}) get {@code <notification from="user" lid="user lid" type="devices" id t><add|remove
 * device_hash device_lid_hash><device jid lid key-index?/><key-index-list ts/></add|remove></notification>}, the
 * hashes being those of the new list (see {@link DeviceListHash}), so their cached device lists stay right.
 */
public final class DeviceListNotifier implements DeviceListener {

    private static final Logger log = LoggerFactory.getLogger(DeviceListNotifier.class);

    private final Contacts contacts;
    private final AccountNotifier notifier;

    public DeviceListNotifier(Contacts contacts, AccountNotifier notifier) {
        this.contacts = contacts;
        this.notifier = notifier;
    }

    @Override
    public void linked(LinkedDevice device) {
        announce(device, "add");
    }

    @Override
    public void unlinked(LinkedDevice device) {
        announce(device, "remove");
    }

    private void announce(LinkedDevice device, String change) {
        Account account = device.account();
        Node.Builder deviceNode = Node.builder("device").attr("jid", device.jid()).attr("lid", device.lid());
        if (change.equals("add")) {
            deviceNode.attr("key-index", device.keyIndex());
        }
        Node notification = notifier.notification(account.jid(), "devices").attr("lid", account.lid())
                .children(Node.builder(change)
                        .attr("device_hash", DeviceListHash.of(devices(account, false)))
                        .attr("device_lid_hash", DeviceListHash.of(devices(account, true)))
                        .children(deviceNode.build(), Node.builder("key-index-list").attr("ts", notifier.now()).build())
                        .build())
                .build();
        List<Account> peers = contacts.peersOf(account);
        log.info("{} {}: notifying the other devices and {} peers", change, device.jid(), peers.size());
        notifier.toOwnDevices(account, device.deviceId(), notification);
        notifier.toAccounts(peers, notification);
    }

    /** The JIDs of an account's devices (the phone and its companions) in one domain. */
    static List<Jid> devices(Account account, boolean lid) {
        return Directory.deviceIds(account).stream().map((lid ? account.lid() : account.jid())::withDevice).toList();
    }
}
