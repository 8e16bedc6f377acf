package io.tryx.protocol.client.devices;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.messaging.Messaging;
import io.tryx.protocol.client.messaging.StanzaChannel;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.ParticipantHash;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.DeviceList;
import io.tryx.protocol.store.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * Keeps the account's device lists and sessions in step with the server's device notifications, as whatsmeow's
 * {@code handleDeviceNotification} and {@code handleEncryptNotification} do:
 * <ul>
 *   <li>{@code devices}: the cached list of the user (and of its LID) gets the named devices added or removed;
 *       when the result hashes to the notification's {@code device_hash} ({@code device_lid_hash}) it is stored as
 *       fresh, otherwise (and on {@code update}) it is marked stale so the next send asks usync. The LID mapping
 *       the notification reveals is stored.</li>
 *   <li>{@code encrypt} with {@code <identity/>}: the sessions with every known device of the user (both domains,
 *       the phone always) are deleted and its device lists marked stale, so the next send fetches new bundles.</li>
 * </ul>
 * Then the {@link DeviceEvent} goes to the listeners and the notification is acknowledged. Work runs on the
 * workers, one notification at a time. Thread-safe.
 */
public final class DeviceNotificationHandler {

    private static final Logger log = LoggerFactory.getLogger(DeviceNotificationHandler.class);

    private final AccountStore store;
    private final StanzaChannel channel;
    private final Messaging messaging;
    private final Executor workers;
    private final InstantSource clock;
    private final List<DeviceListener> listeners = new CopyOnWriteArrayList<>();

    public DeviceNotificationHandler(AccountStore store, StanzaChannel channel, Messaging messaging, Executor workers,
                                     InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.messaging = Objects.requireNonNull(messaging, "messaging");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void addListener(DeviceListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Takes a {@code devices} or identity-change notification (handled on the workers, acknowledged once
     * handled); false for any other. Never blocks.
     */
    public boolean onNotification(Node notification) {
        if (DeviceNotifications.isDevices(notification)) {
            workers.execute(() -> handle(notification, () -> devices(DeviceNotifications.devices(notification))));
            return true;
        }
        if (DeviceNotifications.isIdentityChange(notification)) {
            workers.execute(() -> handle(notification, () -> identity(DeviceNotifications.identity(notification))));
            return true;
        }
        return false;
    }

    private synchronized void handle(Node notification, java.util.function.Supplier<List<DeviceEvent>> work) {
        List<DeviceEvent> events;
        try {
            events = work.get();
        } catch (ProtocolException e) {
            log.info("unusable device notification {}: {}", notification, e.getMessage());
            ack(notification);
            return;
        } catch (RuntimeException e) {
            log.warn("device notification {} not handled, left for redelivery: {}",
                    notification.attrs().optionalString("id").orElse(""), e.toString());
            return;
        }
        try {
            for (DeviceEvent event : events) {
                for (DeviceListener listener : listeners) {
                    listener.onDeviceEvent(event);
                }
            }
        } catch (RuntimeException e) {
            log.warn("a device listener failed on {}, left for redelivery: {}",
                    notification.attrs().optionalString("id").orElse(""), e.toString());
            return;
        }
        ack(notification);
    }

    private List<DeviceEvent> devices(DeviceNotifications.Devices notice) {
        UnitOfWork work = store.begin();
        Jid lid = notice.lid();
        if (lid == null && notice.user().isPhoneUser()) {
            lid = work.lidForPhone(notice.user()).orElse(null);
        }
        if (notice.lid() != null && notice.user().isPhoneUser()) {
            work.storeLidMapping(notice.lid(), notice.user());
        }
        List<DeviceEvent> events = new ArrayList<>();
        for (DeviceNotifications.Changed changed : notice.changes()) {
            apply(work, notice.user(), changed, changed.devices(), changed.deviceHash());
            if (lid != null) {
                apply(work, lid, changed, changed.lidDevices(), changed.lidHash());
            }
            events.add(new DeviceEvent.DeviceListChanged(notice.user(), lid, changed.change(), changed.devices(),
                    notice.at()));
        }
        work.commit();
        return events;
    }

    /** Applies one change to the cached list of {@code user} (one domain); nothing when none is cached. */
    private void apply(UnitOfWork work, Jid user, DeviceNotifications.Changed changed, List<Jid> named,
                       Optional<String> hash) {
        Optional<DeviceList> cached = work.deviceList(user);
        if (cached.isEmpty()) {
            return;
        }
        DeviceList list = cached.get();
        Set<Integer> ids = new TreeSet<>(list.deviceIds());
        List<Integer> namedIds = named.stream().filter(d -> d.sameUser(user)).map(Jid::device).toList();
        switch (changed.change()) {
            case ADD -> ids.addAll(namedIds);
            case REMOVE -> namedIds.forEach(ids::remove);
            case UPDATE -> {
                work.storeDeviceList(list.stale());
                return;
            }
        }
        String computed = ParticipantHash.of(ids.stream().map(user::withDevice).toList());
        if (hash.isPresent() && hash.get().equals(computed)) {
            work.storeDeviceList(new DeviceList(user, List.copyOf(ids), changed.keyIndex().orElse(list.keyIndex()),
                    clock.millis()));
        } else {
            log.info("device list of {} after {}: hash {} does not match the server's {}, asking again", user,
                    changed.change(), computed, hash.orElse("(none)"));
            work.storeDeviceList(list.stale());
        }
    }

    private List<DeviceEvent> identity(DeviceEvent.IdentityChanged changed) {
        Set<Jid> users = new LinkedHashSet<>();
        users.add(changed.user());
        Jid lid = changed.lid();
        if (changed.user().isPhoneUser()) {
            store.lidForPhone(changed.user()).ifPresent(users::add);
        } else {
            store.phoneForLid(changed.user()).ifPresent(users::add);
        }
        if (lid != null) {
            users.add(lid);
        }
        Set<Integer> ids = new TreeSet<>(List.of(0));
        for (Jid user : users) {
            store.deviceList(user).ifPresent(list -> ids.addAll(list.deviceIds()));
        }
        List<Jid> devices = new ArrayList<>();
        for (Jid user : users) {
            ids.forEach(id -> devices.add(user.withDevice(id)));
        }
        log.info("identity of {} changed: forgetting the sessions with {}", changed.user(), devices);
        messaging.forgetSessions(devices);
        messaging.refreshDeviceLists(users);
        Jid knownLid = lid != null ? lid : users.stream().filter(Jid::isLid).findFirst().orElse(null);
        return List.of(new DeviceEvent.IdentityChanged(changed.user(), knownLid, changed.at()));
    }

    private void ack(Node notification) {
        Node.Builder ack = Node.builder("ack").attr("class", "notification")
                .attr("id", notification.attrs().optionalString("id").orElse(""))
                .optionalAttr("type", notification.attrs().optionalString("type").orElse(null));
        notification.attrs().optionalString("from").ifPresent(from -> ack.attr("to", from));
        channel.send(ack.build());
    }
}
