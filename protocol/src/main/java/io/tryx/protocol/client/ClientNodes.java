package io.tryx.protocol.client;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.login.ClientPayloads;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.SignedPreKeyRecord;

import java.util.List;

/** The stanzas the lifecycle sends: IQ answers, pairing countersignature, prekey count/upload, signed prekey rotation, passive. */
final class ClientNodes {

    static final String SERVER = "s.whatsapp.net";

    private ClientNodes() {
    }

    /** An empty {@code iq result} answering the server's IQ {@code id}. */
    static Node result(String id) {
        return Node.builder("iq").attr("to", SERVER).attr("type", "result").attr("id", id).build();
    }

    /** An {@code iq error} answering the server's IQ {@code id}. */
    static Node error(String id, int code, String text) {
        return Node.builder("iq").attr("to", SERVER).attr("type", "error").attr("id", id)
                .children(Node.builder("error").attr("code", code).attr("text", text).build()).build();
    }

    /** The {@code ack} of a server notification. */
    static Node ack(Node notification) {
        return Node.builder("ack").attr("id", notification.attrs().optionalString("id").orElse(""))
                .attr("class", "notification").attr("to", SERVER)
                .optionalAttr("type", notification.attrs().optionalString("type").orElse(null)).build();
    }

    /** The answer to {@code pair-success}: the countersigned device identity and its key index. */
    static Node pairDeviceSign(String id, byte[] identity, int keyIndex) {
        return Node.builder("iq").attr("to", SERVER).attr("type", "result").attr("id", id).children(
                Node.builder("pair-device-sign").children(
                        Node.builder("device-identity").attr("key-index", keyIndex).bytes(identity).build()).build())
                .build();
    }

    static Node iq(String id, String xmlns, String type, Node... children) {
        return Node.builder("iq").attr("id", id).attr("xmlns", xmlns).attr("type", type).attr("to", SERVER)
                .children(children).build();
    }

    /** {@code iq encrypt get <count/>}. */
    static Node preKeyCount(String id) {
        return iq(id, "encrypt", "get", Node.of("count"));
    }

    /** {@code iq encrypt set}: registration, type, identity, list of keys, skey. */
    static Node preKeyUpload(String id, int registrationId, byte[] identity, List<PreKeyRecord> keys,
                             SignedPreKeyRecord signed) {
        List<Node> list = keys.stream().map(k -> Node.builder("key").children(
                Node.builder("id").bytes(ClientPayloads.bigEndian(k.id(), 3)).build(),
                Node.builder("value").bytes(k.keyPair().publicKey()).build()).build()).toList();
        return iq(id, "encrypt", "set",
                Node.builder("registration").bytes(ClientPayloads.bigEndian(registrationId, 4)).build(),
                Node.builder("type").bytes(new byte[] {ClientPayloads.KEY_TYPE}).build(),
                Node.builder("identity").bytes(identity).build(),
                Node.builder("list").children(list).build(),
                skey(signed));
    }

    /** {@code iq encrypt set <rotate><skey/></rotate>}: replaces the signed prekey the server hands out. */
    static Node rotateSignedPreKey(String id, SignedPreKeyRecord signed) {
        return iq(id, "encrypt", "set", Node.builder("rotate").children(skey(signed)).build());
    }

    private static Node skey(SignedPreKeyRecord signed) {
        return Node.builder("skey").children(
                Node.builder("id").bytes(ClientPayloads.bigEndian(signed.id(), 3)).build(),
                Node.builder("value").bytes(signed.keyPair().publicKey()).build(),
                Node.builder("signature").bytes(signed.signature()).build()).build();
    }

    /** {@code iq passive set <active/>}. */
    static Node active(String id) {
        return iq(id, "passive", "set", Node.of("active"));
    }
}
