package io.tryx.simulator.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.account.PreKeyUpload;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.login.DeviceSessions;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;
import io.tryx.simulator.router.IqHandler;
import io.tryx.simulator.router.Iqs;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code iq get xmlns=encrypt <key><user jid="device"/>...</key>}: the prekey bundles of devices, answered
 * {@code <list><user jid><registration/><type/><identity/><skey><id/><value/><signature/></skey><key><id/><value/></key></user></list>}.
 * Each one-time prekey is handed out once and deleted ({@code key} is omitted once exhausted); when a
 * companion drops below {@value #LOW_WATER} it gets {@code <notification type="encrypt"><count value/></notification>}
 * if online. Device 0 is the mock phone. A device that does not exist or has no keys gets
 * {@code <user jid><error code="404" text="item-not-found"/></user>}.
 */
public final class PreKeyFetchHandler implements IqHandler {

    static final int LOW_WATER = 5;

    private final Directory directory;
    private final DeviceSessions sessions;
    private final InstantSource clock;
    private final AtomicLong notificationIds = new AtomicLong();

    public PreKeyFetchHandler(Directory directory, DeviceSessions sessions, InstantSource clock) {
        this.directory = directory;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        if (connection.device() == null) {
            throw new IqException(IqError.NOT_AUTHORIZED, "not logged in");
        }
        if (!iq.attrs().optionalString("type").orElse("").equals("get")) {
            throw new IqException(IqError.BAD_REQUEST, "key fetch must be a get");
        }
        Node key = iq.child("key").orElseThrow();
        List<Node> users = new ArrayList<>();
        for (Node user : key.children("user")) {
            users.add(bundle(user));
        }
        if (users.isEmpty()) {
            throw new IqException(IqError.BAD_REQUEST, "no users");
        }
        return Optional.of(List.of(Node.builder("list").children(users).build()));
    }

    private Node bundle(Node user) {
        String text = user.attrs().optionalString("jid").orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "user without jid"));
        Jid jid;
        try {
            jid = Jid.parse(text);
        } catch (RuntimeException e) {
            throw new IqException(IqError.BAD_REQUEST, "bad jid " + text);
        }
        Optional<Account> account = directory.account(jid);
        if (account.isEmpty() || !Directory.hasDevice(account.get(), jid.device())) {
            return notFound(jid);
        }
        PreKeyUpload keys;
        Optional<PreKeyUpload.PreKey> oneTime;
        if (jid.device() == 0) {
            keys = account.get().phoneKeys().bundle();
            oneTime = keys.preKeys().stream().findFirst();
        } else {
            LinkedDevice device = account.get().device(jid.device()).orElseThrow();
            keys = device.keys();
            if (keys == null) {
                return notFound(jid);
            }
            oneTime = device.takePreKey();
            if (device.preKeyCount() < LOW_WATER) {
                lowPreKeys(device);
            }
        }
        List<Node> parts = new ArrayList<>(List.of(
                Node.builder("registration").bytes(u32(keys.registrationId())).build(),
                Node.builder("type").bytes(new byte[] {5}).build(),
                Node.builder("identity").bytes(keys.identity()).build(),
                Node.builder("skey").children(
                        Node.builder("id").bytes(u24(keys.signedPreKey().id())).build(),
                        Node.builder("value").bytes(keys.signedPreKey().publicKey()).build(),
                        Node.builder("signature").bytes(keys.signedPreKey().signature()).build()).build()));
        oneTime.ifPresent(k -> parts.add(Node.builder("key").children(
                Node.builder("id").bytes(u24(k.id())).build(),
                Node.builder("value").bytes(k.publicKey()).build()).build()));
        return Node.builder("user").attr("jid", text).children(parts).build();
    }

    private void lowPreKeys(LinkedDevice device) {
        sessions.connection(device.jid()).ifPresent(c -> {
            Node notification = Node.builder("notification").attr("from", Iqs.SERVER).attr("type", "encrypt")
                    .attr("id", "sim-enc-" + notificationIds.incrementAndGet())
                    .attr("t", clock.instant().getEpochSecond())
                    .children(Node.builder("count").attr("value", device.preKeyCount()).build()).build();
            c.execute(() -> c.send(notification));
        });
    }

    private static Node notFound(Jid jid) {
        return Node.builder("user").attr("jid", jid.toString()).children(
                Node.builder("error").attr("code", "404").attr("text", "item-not-found").build()).build();
    }

    static byte[] u24(int value) {
        return new byte[] {(byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    static byte[] u32(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
