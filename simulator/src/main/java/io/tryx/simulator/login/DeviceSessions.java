package io.tryx.simulator.login;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;
import io.tryx.simulator.router.Iqs;
import io.tryx.simulator.router.StanzaRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Which connection each logged-in device uses. A second login of the same device replaces the first, which
 * gets {@code <stream:error><conflict type="replaced"/></stream:error>}. {@code iq set xmlns=md
 * <remove-companion-device jid=.../>} (a client logging out, or its phone removing it) unlinks the device
 * and ends its session with {@code conflict type="device_removed"}. Thread-safe.
 */
public final class DeviceSessions {

    private static final Logger log = LoggerFactory.getLogger(DeviceSessions.class);

    private final Map<String, ChatConnection> byDevice = new ConcurrentHashMap<>();
    private final List<BiConsumer<LinkedDevice, ChatConnection>> endedListeners = new CopyOnWriteArrayList<>();

    /** Adds a listener called when a device's current session ends (its connection closed, not replaced). */
    public void onSessionEnded(BiConsumer<LinkedDevice, ChatConnection> listener) {
        endedListeners.add(listener);
    }

    /** Registers the {@code md} IQ handler for {@code remove-companion-device}. */
    public void register(StanzaRouter router) {
        router.iq("md", "remove-companion-device", this::onMd);
    }

    /** A device logged in on {@code connection}; an older connection of the same device is replaced. */
    public void loggedIn(LinkedDevice device, ChatConnection connection) {
        ChatConnection previous = byDevice.put(device.jid().toString(), connection);
        if (previous != null && previous != connection) {
            log.info("{} replaced by {}", previous, connection);
            previous.execute(() -> previous.conflict("replaced"));
        }
    }

    /** The connection of a logged-in device ({@code phone:N@s.whatsapp.net}), if online. */
    public Optional<ChatConnection> connection(Jid deviceJid) {
        return Optional.ofNullable(byDevice.get(deviceJid.toString()));
    }

    /** Forgets the connection if it is the device's current one. */
    public void closed(ChatConnection connection) {
        LinkedDevice device = connection.device();
        if (device != null && byDevice.remove(device.jid().toString(), connection)) {
            endedListeners.forEach(l -> l.accept(device, connection));
        }
    }

    /**
     * Unlinks a device of {@code account} (the phone removing it, or the device logging out) and ends its
     * session with {@code conflict type="device_removed"}; false when no such device was linked.
     */
    public boolean unlink(Account account, int deviceId) {
        if (!account.unlink(deviceId)) {
            return false;
        }
        log.info("unlinked {}", account.jid().withDevice(deviceId));
        ChatConnection session = byDevice.remove(account.jid().withDevice(deviceId).toString());
        if (session != null) {
            session.execute(() -> session.conflict("device_removed"));
        }
        return true;
    }

    private Optional<List<Node>> onMd(ChatConnection connection, Node iq) {
        LinkedDevice self = connection.device();
        if (self == null) {
            throw new IqException(IqError.NOT_AUTHORIZED, "not logged in");
        }
        Node remove = iq.child("remove-companion-device")
                .orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "unsupported md IQ"));
        Jid target;
        try {
            target = remove.attrs().jid("jid");
        } catch (RuntimeException e) {
            throw new IqException(IqError.BAD_REQUEST, "remove-companion-device needs a jid");
        }
        boolean own = target.user().equals(self.account().jid().user()) || target.user().equals(self.account().lid().user());
        if (!own || target.device() == 0) {
            throw new IqException(IqError.FORBIDDEN, "can only remove companion devices of the own account");
        }
        if (self.account().device(target.device()).isEmpty()) {
            throw new IqException(IqError.ITEM_NOT_FOUND, "no device " + target);
        }
        log.info("{}: removes {} ({})", connection, target, remove.attrs().optionalString("reason").orElse(""));
        connection.send(Iqs.result(iq));
        unlink(self.account(), target.device());
        return Optional.empty();
    }
}
