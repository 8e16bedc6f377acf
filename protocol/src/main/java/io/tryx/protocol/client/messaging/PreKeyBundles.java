package io.tryx.protocol.client.messaging;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.signal.IdentityKey;
import io.tryx.protocol.signal.PreKeyBundle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * Prekey bundles: fetched for devices without a session ({@code iq get xmlns=encrypt <key><user/>...}), and read
 * from the {@code keys} of a retry receipt. A device the server answers with an {@code error} is left out.
 */
final class PreKeyBundles {

    private final StanzaChannel channel;

    PreKeyBundles(StanzaChannel channel) {
        this.channel = channel;
    }

    /** The bundles of {@code devices} by device JID (as asked); devices without one are absent. */
    CompletableFuture<Map<Jid, PreKeyBundle>> fetch(List<Jid> devices) {
        if (devices.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        return channel.query(MessagingNodes.preKeyFetch(channel.nextIqId(), devices)).thenApply(answer -> {
            Map<Jid, PreKeyBundle> bundles = new HashMap<>();
            for (Node user : answer.child("list").map(l -> l.children("user")).orElse(List.of())) {
                if (user.child("error").isPresent()) {
                    continue;
                }
                Jid jid = user.attrs().jid("jid");
                bundles.put(jid, parse(jid.device(), user));
            }
            return bundles;
        });
    }

    /**
     * A bundle from a node holding {@code registration} and either the keys directly or a {@code keys} child
     * ({@code identity}, {@code skey}, optional {@code key}).
     *
     * @throws ProtocolException when a part is missing or has the wrong size
     */
    static PreKeyBundle parse(int deviceId, Node node) {
        int registration = (int) number(bytes(node, "registration", 4));
        Node keys = node.child("keys").orElse(node);
        byte[] identity = bytes(keys, "identity", 32);
        Node signed = keys.child("skey").orElseThrow(() -> missing("skey"));
        Node oneTime = keys.child("key").orElse(null);
        return new PreKeyBundle(registration, deviceId,
                oneTime == null ? OptionalInt.empty() : OptionalInt.of((int) number(bytes(oneTime, "id", 3))),
                oneTime == null ? null : bytes(oneTime, "value", 32),
                (int) number(bytes(signed, "id", 3)), bytes(signed, "value", 32), bytes(signed, "signature", 64),
                new IdentityKey(identity));
    }

    private static byte[] bytes(Node parent, String tag, int length) {
        byte[] value = parent.child(tag).flatMap(Node::contentBytes).orElseThrow(() -> missing(tag));
        if (value.length != length) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED,
                    tag + " has " + value.length + " bytes, expected " + length);
        }
        return value;
    }

    private static long number(byte[] bigEndian) {
        long value = 0;
        for (byte b : bigEndian) {
            value = (value << 8) | (b & 0xff);
        }
        return value;
    }

    private static ProtocolException missing(String tag) {
        return new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "prekey bundle without " + tag);
    }
}
