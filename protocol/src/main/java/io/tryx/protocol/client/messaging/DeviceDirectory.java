package io.tryx.protocol.client.messaging;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.DeviceList;
import io.tryx.protocol.store.UnitOfWork;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The devices of users, for sending: served from the {@link io.tryx.protocol.store.DeviceListStore} while fresh,
 * otherwise asked with one usync query ({@code devices version=2} and {@code lid}) whose answer is stored
 * together with the phone-number/LID mappings it reveals. A list found stale (the server's ack disagreed with our
 * participant hash, a device notification did not add up) is kept {@linkplain DeviceList#stale() marked stale}, so
 * the next send asks again. Store work runs on the
 * worker executor, never on the connection's thread.
 */
final class DeviceDirectory {

    private final AccountStore store;
    private final StanzaChannel channel;
    private final Executor workers;
    private final InstantSource clock;
    private final Duration ttl;
    private final AtomicLong sids = new AtomicLong();

    DeviceDirectory(AccountStore store, StanzaChannel channel, Executor workers, InstantSource clock, Duration ttl) {
        this.store = store;
        this.channel = channel;
        this.workers = workers;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The device JIDs of {@code users} (non-device JIDs), each in its user's domain; call on a worker thread. */
    CompletableFuture<List<Jid>> devices(List<Jid> users) {
        Map<Jid, List<Jid>> known = new LinkedHashMap<>();
        List<Jid> missing = new ArrayList<>();
        long now = clock.millis();
        for (Jid user : users) {
            Optional<DeviceList> cached = store.deviceList(user.toNonAd());
            if (cached.isPresent() && cached.get().fetchedAtMillis() + ttl.toMillis() > now) {
                known.put(user, expand(user, cached.get().deviceIds()));
            } else {
                missing.add(user.toNonAd());
            }
        }
        if (missing.isEmpty()) {
            return CompletableFuture.completedFuture(flatten(known));
        }
        Node query = MessagingNodes.usyncDevices(channel.nextIqId(), "tryx-" + sids.incrementAndGet(), missing);
        return channel.query(query).thenApplyAsync(answer -> {
            known.putAll(store(answer));
            return flatten(known);
        }, workers);
    }

    /**
     * Marks the cached device lists of {@code users} stale (kept, but asked again on the next send), in one unit of
     * work; call on a worker thread.
     */
    void invalidate(List<Jid> users) {
        UnitOfWork work = store.begin();
        for (Jid user : users) {
            Optional<DeviceList> cached = work.deviceList(user.toNonAd());
            if (cached.isPresent() && !cached.get().isStale()) {
                work.storeDeviceList(cached.get().stale());
            }
        }
        work.commit();
    }

    private Map<Jid, List<Jid>> store(Node answer) {
        Node list = answer.child("usync").flatMap(u -> u.child("list"))
                .orElseThrow(() -> new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "usync answer without list"));
        Map<Jid, List<Jid>> result = new LinkedHashMap<>();
        UnitOfWork work = store.begin();
        long now = clock.millis();
        for (Node user : list.children("user")) {
            Jid jid = user.attrs().jid("jid").toNonAd();
            List<Integer> ids = user.child("devices").flatMap(d -> d.child("device-list")).map(d -> d.children("device"))
                    .orElse(List.of()).stream().map(d -> (int) d.attrs().longValue("id")).toList();
            long keyIndex = user.child("devices").flatMap(d -> d.child("key-index-list"))
                    .flatMap(k -> k.attrs().optionalLong("ts")).orElse(0L);
            work.storeDeviceList(new DeviceList(jid, ids, keyIndex, now));
            user.child("lid").flatMap(l -> l.attrs().optionalJid("val")).filter(Jid::isLid)
                    .filter(lid -> jid.isPhoneUser())
                    .ifPresent(lid -> work.storeLidMapping(lid.toNonAd(), jid));
            result.put(jid, expand(jid, ids));
        }
        work.commit();
        return result;
    }

    private static List<Jid> expand(Jid user, List<Integer> ids) {
        return ids.stream().map(id -> user.toNonAd().withDevice(id)).toList();
    }

    private static List<Jid> flatten(Map<Jid, List<Jid>> devices) {
        return devices.values().stream().flatMap(List::stream).toList();
    }
}
