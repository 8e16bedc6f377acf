package io.tryx.simulator.contacts;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.messaging.Delivery;

import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends server notifications about an account ({@code <notification from id t type>children</notification>}) to
 * companion devices through {@link Delivery}: online ones at once, offline ones from their queue. The mock phones
 * (device 0) keep no such state and get none. Clients ack them with {@code ack class="notification"}.
 */
public final class AccountNotifier {

    private final Delivery delivery;
    private final InstantSource clock;
    private final AtomicLong ids = new AtomicLong(ThreadLocalRandom.current().nextLong(3_000_000_000L, 4_000_000_000L));

    public AccountNotifier(Delivery delivery, InstantSource clock) {
        this.delivery = delivery;
        this.clock = clock;
    }

    /** The current time in epoch seconds, as notifications carry it. */
    public long now() {
        return clock.instant().getEpochSecond();
    }

    /** A notification builder with {@code from}, {@code type}, a fresh {@code id} and {@code t}. */
    public Node.Builder notification(Jid from, String type) {
        return Node.builder("notification").attr("from", from).attr("type", type)
                .attr("id", Long.toString(ids.incrementAndGet())).attr("t", now());
    }

    /** Delivers to every companion of {@code account} except device {@code exceptDevice} (0 excludes none). */
    public void toOwnDevices(Account account, int exceptDevice, Node notification) {
        for (LinkedDevice device : account.devices()) {
            if (device.deviceId() != exceptDevice) {
                delivery.deliver(device.jid(), notification);
            }
        }
    }

    /** Delivers to every companion of every account in {@code recipients}. */
    public void toAccounts(Collection<Account> recipients, Node notification) {
        for (Account account : List.copyOf(recipients)) {
            toOwnDevices(account, 0, notification);
        }
    }

    /** An account sync notification ({@code type="account_sync"}) from the account's own JID to its other devices. */
    public void accountSync(Account account, int exceptDevice, Node child) {
        toOwnDevices(account, exceptDevice, notification(account.jid(), "account_sync").children(child).build());
    }
}
