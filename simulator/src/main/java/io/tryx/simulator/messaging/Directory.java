package io.tryx.simulator.messaging;

import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.account.LinkedDevice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves addresses to accounts and devices: a user is addressed by phone ({@code phone@s.whatsapp.net}) or
 * by LID ({@code digits@lid}), a device by either with a device number. Device 0 is the account's mock phone.
 */
public final class Directory {

    private final AccountRegistry accounts;

    public Directory(AccountRegistry accounts) {
        this.accounts = accounts;
    }

    /** The account of a phone or LID address (device part ignored). */
    public Optional<Account> account(Jid jid) {
        if (jid.isLid()) {
            return accounts.findByLid(jid.user());
        }
        if (jid.isPhoneUser()) {
            return accounts.find(jid.user());
        }
        return Optional.empty();
    }

    /** The account's device ids: 0 (the phone) then the linked companions. */
    public static List<Integer> deviceIds(Account account) {
        List<Integer> ids = new ArrayList<>();
        ids.add(0);
        for (LinkedDevice device : account.devices()) {
            ids.add(device.deviceId());
        }
        return ids;
    }

    /** True when the device exists: 0 always, others while linked. */
    public static boolean hasDevice(Account account, int deviceId) {
        return deviceId == 0 || account.device(deviceId).isPresent();
    }

    /** The same address in the other domain: a phone JID's LID twin and back, keeping the device. */
    public static Jid sameDomainAs(Account account, int deviceId, boolean lid) {
        return (lid ? account.lid() : account.jid()).withDevice(deviceId);
    }
}
