package io.tryx.protocol.signal.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tryx.protocol.interop.NodePeer;
import io.tryx.protocol.signal.IdentityKey;
import io.tryx.protocol.signal.PreKeyBundle;
import io.tryx.protocol.signal.SignalKeys;
import io.tryx.protocol.signal.session.Ciphertext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Typed calls into {@code signal-peer.mjs}: libsignal@6 parties for 1:1 sessions and Baileys' sender-key
 * code for groups. Each node party is a device {@code name.1} with its own identity and stores.
 */
final class SignalNodePeer implements AutoCloseable {

    static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final NodePeer.LineSession session;

    SignalNodePeer() {
        session = NodePeer.open("signal-peer.mjs");
    }

    /** Creates (or re-creates, with a new identity) a node party; returns its identity. */
    IdentityKey party(String name) {
        return IdentityKey.parse(HEX.parseHex(call(request("party", name)).get("identityKey").asText()));
    }

    /** A bundle of the node party with a fresh one-time prekey. */
    PreKeyBundle bundle(String name) {
        JsonNode b = call(request("bundle", name));
        return new PreKeyBundle(b.get("registrationId").asInt(), 1, OptionalInt.of(b.get("preKeyId").asInt()),
                key(b, "preKey"), b.get("signedPreKeyId").asInt(), key(b, "signedPreKey"),
                HEX.parseHex(b.get("signature").asText()), IdentityKey.parse(HEX.parseHex(b.get("identityKey").asText())));
    }

    void processBundle(String name, String peer, PreKeyBundle bundle) {
        ObjectNode b = JSON.createObjectNode()
                .put("registrationId", bundle.registrationId())
                .put("identityKey", HEX.formatHex(bundle.identityKey().serialize()))
                .put("signedPreKeyId", bundle.signedPreKeyId())
                .put("signedPreKey", HEX.formatHex(SignalKeys.serialize(bundle.signedPreKeyPublic())))
                .put("signature", HEX.formatHex(bundle.signedPreKeySignature()));
        if (bundle.preKeyId().isPresent()) {
            b.put("preKeyId", bundle.preKeyId().getAsInt()).put("preKey", HEX.formatHex(SignalKeys.serialize(bundle.preKeyPublic())));
        }
        ObjectNode request = request("processBundle", name).put("peer", peer);
        request.set("bundle", b);
        call(request);
    }

    /** Encrypts each plaintext in order on the node party's session with {@code peer}. */
    List<Ciphertext> encrypt(String name, String peer, List<byte[]> plaintexts) {
        ObjectNode request = request("encrypt", name).put("peer", peer);
        ArrayNode list = request.putArray("plaintexts");
        plaintexts.forEach(p -> list.add(HEX.formatHex(p)));
        List<Ciphertext> out = new ArrayList<>();
        for (JsonNode m : call(request).get("messages")) {
            byte[] body = HEX.parseHex(m.get("body").asText());
            out.add(m.get("type").asText().equals("pkmsg") ? new Ciphertext.PreKey(body, 0) : new Ciphertext.Whisper(body, 0));
        }
        return out;
    }

    /** Decrypts each message in order; an entry is the plaintext or null where node refused the message. */
    List<byte[]> decrypt(String name, String peer, List<Ciphertext> messages) {
        ObjectNode request = request("decrypt", name).put("peer", peer);
        ArrayNode list = request.putArray("messages");
        messages.forEach(m -> list.addObject().put("type", m.type()).put("body", HEX.formatHex(m.serialized())));
        return results(call(request));
    }

    byte[] groupCreate(String name, String group) {
        return HEX.parseHex(call(request("groupCreate", name).put("group", group)).get("skdm").asText());
    }

    void groupProcess(String name, String group, String sender, byte[] skdm) {
        call(request("groupProcess", name).put("group", group).put("sender", sender).put("skdm", HEX.formatHex(skdm)));
    }

    List<byte[]> groupEncrypt(String name, String group, List<byte[]> plaintexts) {
        ObjectNode request = request("groupEncrypt", name).put("group", group);
        ArrayNode list = request.putArray("plaintexts");
        plaintexts.forEach(p -> list.add(HEX.formatHex(p)));
        List<byte[]> out = new ArrayList<>();
        call(request).get("messages").forEach(m -> out.add(HEX.parseHex(m.asText())));
        return out;
    }

    List<byte[]> groupDecrypt(String name, String group, String sender, List<byte[]> messages) {
        ObjectNode request = request("groupDecrypt", name).put("group", group).put("sender", sender);
        ArrayNode list = request.putArray("messages");
        messages.forEach(m -> list.add(HEX.formatHex(m)));
        return results(call(request));
    }

    @Override
    public void close() {
        session.close();
    }

    private static List<byte[]> results(JsonNode response) {
        List<byte[]> out = new ArrayList<>();
        for (JsonNode r : response.get("results")) {
            out.add(r.has("plaintext") ? HEX.parseHex(r.get("plaintext").asText()) : null);
        }
        return out;
    }

    private static byte[] key(JsonNode node, String field) {
        return SignalKeys.parse(HEX.parseHex(node.get(field).asText()), field);
    }

    private static ObjectNode request(String op, String party) {
        return JSON.createObjectNode().put("op", op).put("party", party);
    }

    private JsonNode call(ObjectNode request) {
        session.send(request.toString());
        try {
            JsonNode response = JSON.readTree(session.receive());
            assertThat(response.has("error")).as("node error: %s", response).isFalse();
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
