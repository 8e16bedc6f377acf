package io.tryx.protocol.client.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.login.ClientPayloads;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.SignedPreKeyRecord;

import java.util.ArrayList;
import java.util.List;

/** The stanzas messaging sends: acks, receipts (delivery, read, retry), usync and prekey queries. */
final class MessagingNodes {

    static final String SERVER = "s.whatsapp.net";

    private MessagingNodes() {
    }

    /**
     * The {@code ack} of an inbound stanza: class is its tag, {@code to} its sender, {@code participant} and
     * {@code recipient} copied, {@code type} copied for everything but messages; {@code error} when non-zero.
     */
    static Node ack(Node stanza, int error) {
        Node.Builder ack = Node.builder("ack").attr("class", stanza.tag())
                .attr("id", stanza.attrs().optionalString("id").orElse(""));
        copy(stanza, "from", ack, "to");
        copy(stanza, "participant", ack, "participant");
        copy(stanza, "recipient", ack, "recipient");
        if (!stanza.tag().equals("message")) {
            copy(stanza, "type", ack, "type");
        }
        if (error != 0) {
            ack.attr("error", error);
        }
        return ack.build();
    }

    /**
     * The receipt answering a decrypted message: to its sender, with its {@code participant}/{@code recipient};
     * {@code type} absent for a delivery, {@code sender} for our own device's copy, {@code peer_msg} for a
     * message between our own devices.
     */
    static Node messageReceipt(Node message, MessageInfo info) {
        Node.Builder receipt = baseReceipt(message);
        if (info.fromMe()) {
            receipt.attr("type", info.category().equals("peer") ? ReceiptType.PEER_MSG.wire() : ReceiptType.SENDER.wire());
        }
        return receipt.build();
    }

    /** {@code <receipt id to recipient? participant?>}: the attributes every receipt for a message starts with. */
    static Node.Builder baseReceipt(Node message) {
        Node.Builder receipt = Node.builder("receipt").attr("id", message.attrs().string("id"));
        copy(message, "from", receipt, "to");
        copy(message, "recipient", receipt, "recipient");
        copy(message, "participant", receipt, "participant");
        return receipt;
    }

    /** A read (or played, ...) receipt for messages of one sender: the first id as attribute, the others listed. */
    static Node readReceipt(Jid chat, Jid sender, List<String> ids, ReceiptType type, long unixSeconds) {
        Node.Builder receipt = Node.builder("receipt").attr("id", ids.getFirst()).attr("type", type.wire())
                .attr("to", chat).attr("t", unixSeconds);
        if (sender != null && !chat.isPhoneUser() && !chat.isLid()) {
            receipt.attr("participant", sender.toNonAd());
        }
        if (ids.size() > 1) {
            receipt.children(Node.builder("list").children(ids.subList(1, ids.size()).stream()
                    .map(id -> Node.builder("item").attr("id", id).build()).toList()).build());
        }
        return receipt.build();
    }

    /**
     * A retry receipt for a message we could not decrypt: {@code <retry count id t v/>}, our registration id,
     * and from the second retry on (or when forced) {@code keys} with a fresh one-time prekey so the sender can
     * start over.
     */
    static Node retryReceipt(Node message, int count, int registrationId, RetryKeys keys) {
        List<Node> children = new ArrayList<>();
        children.add(Node.builder("retry").attr("count", count).attr("id", message.attrs().string("id"))
                .attr("t", message.attrs().optionalString("t").orElse("0")).attr("v", "1").build());
        children.add(Node.builder("registration").bytes(ClientPayloads.bigEndian(registrationId, 4)).build());
        if (keys != null) {
            children.add(Node.builder("keys").children(
                    Node.builder("type").bytes(new byte[] {ClientPayloads.KEY_TYPE}).build(),
                    Node.builder("identity").bytes(keys.identity()).build(),
                    preKey(keys.preKey()),
                    signedPreKey(keys.signedPreKey()),
                    Node.builder("device-identity").bytes(keys.deviceIdentity()).build()).build());
        }
        Node.Builder receipt = baseReceipt(message).attr("type", ReceiptType.RETRY.wire());
        if (message.attrs().optionalString("category").filter("peer"::equals).isPresent()) {
            receipt.attr("category", "peer");
        }
        return receipt.children(children).build();
    }

    /** The keys a retry receipt carries. */
    record RetryKeys(byte[] identity, PreKeyRecord preKey, SignedPreKeyRecord signedPreKey, byte[] deviceIdentity) {
    }

    static Node preKey(PreKeyRecord key) {
        return Node.builder("key").children(
                Node.builder("id").bytes(ClientPayloads.bigEndian(key.id(), 3)).build(),
                Node.builder("value").bytes(key.keyPair().publicKey()).build()).build();
    }

    static Node signedPreKey(SignedPreKeyRecord key) {
        return Node.builder("skey").children(
                Node.builder("id").bytes(ClientPayloads.bigEndian(key.id(), 3)).build(),
                Node.builder("value").bytes(key.keyPair().publicKey()).build(),
                Node.builder("signature").bytes(key.signature()).build()).build();
    }

    /** {@code iq get usync}: the device lists and LIDs of {@code users}, for sending. */
    static Node usyncDevices(String id, String sid, List<Jid> users) {
        Node usync = Node.builder("usync").attr("sid", sid).attr("mode", "query").attr("last", "true")
                .attr("index", "0").attr("context", "message").children(
                        Node.builder("query").children(Node.builder("devices").attr("version", "2").build(),
                                Node.of("lid")).build(),
                        Node.builder("list").children(users.stream()
                                .map(u -> Node.builder("user").attr("jid", u.toNonAd()).build()).toList()).build())
                .build();
        return iq(id, "usync", "get", usync);
    }

    /** {@code iq get encrypt <key><user jid reason="identity"/>...</key>}: prekey bundles of devices. */
    static Node preKeyFetch(String id, List<Jid> devices) {
        return iq(id, "encrypt", "get", Node.builder("key").children(devices.stream()
                .map(d -> Node.builder("user").attr("jid", d).attr("reason", "identity").build()).toList()).build());
    }

    static Node iq(String id, String xmlns, String type, Node... children) {
        return Node.builder("iq").attr("id", id).attr("xmlns", xmlns).attr("type", type).attr("to", SERVER)
                .children(children).build();
    }

    private static void copy(Node from, String name, Node.Builder to, String as) {
        Object value = from.attrs().raw(name);
        if (value != null) {
            to.optionalAttr(as, value);
        }
    }
}
