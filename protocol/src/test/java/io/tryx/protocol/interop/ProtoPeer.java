package io.tryx.protocol.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Base64;

/**
 * A session with {@code scripts/proto-peer.mjs}: Baileys' WAProto and libsignal's protobufs, Baileys' message-id
 * and padding helpers, one node process for a whole test class.
 */
public final class ProtoPeer implements AutoCloseable {

    /** Which protobuf runtime on the node side resolves a type name. */
    public enum Library {
        /** Baileys' WAProto ({@code proto.*}). */
        WA("wa"),
        /** libsignal's own protobufs ({@code textsecure.*}). */
        LIBSIGNAL("libsignal");

        private final String wire;

        Library(String wire) {
            this.wire = wire;
        }
    }

    /** The node side's answer to an encode request: its bytes and its view of the value it encoded. */
    public record Encoded(byte[] bytes, JsonNode view) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final NodePeer.LineSession session;

    private ProtoPeer(NodePeer.LineSession session) {
        this.session = session;
    }

    /** Starts the peer (skips or fails the caller per {@code tryx.interop} when node is unavailable). */
    public static ProtoPeer open() {
        return new ProtoPeer(NodePeer.open("proto-peer.mjs"));
    }

    /** Decodes {@code bytes} as {@code type} on the node side and returns its toObject view. */
    public JsonNode decode(Library library, String type, byte[] bytes) {
        ObjectNode request = request("decode").put("lib", library.wire).put("type", type)
                .put("b64", Base64.getEncoder().encodeToString(bytes));
        return call(request).get("json");
    }

    /** Builds {@code type} from the toObject-style {@code value} on the node side and encodes it. */
    public Encoded encode(Library library, String type, JsonNode value) {
        ObjectNode request = request("encode").put("lib", library.wire).put("type", type);
        request.set("json", value);
        JsonNode reply = call(request);
        return new Encoded(Base64.getDecoder().decode(reply.get("b64").asText()), reply.get("json"));
    }

    /** The node side's values of an enum type, name to number. */
    public JsonNode enumValues(Library library, String type) {
        return call(request("enum").put("lib", library.wire).put("type", type)).get("values");
    }

    /** Baileys' {@code generateMessageIDV2(jid)} with the clock at {@code seconds} and {@code random16} as its random bytes. */
    public String messageId(long seconds, String jid, byte[] random16) {
        ObjectNode request = request("messageId").put("seconds", seconds).put("jid", jid)
                .put("random", Base64.getEncoder().encodeToString(random16));
        return call(request).get("id").asText();
    }

    /** Baileys' {@code writeRandomPadMax16} with {@code randomByte} as its random byte. */
    public byte[] pad(byte[] plaintext, byte randomByte) {
        ObjectNode request = request("pad").put("b64", Base64.getEncoder().encodeToString(plaintext))
                .put("random", Base64.getEncoder().encodeToString(new byte[] {randomByte}));
        return Base64.getDecoder().decode(call(request).get("b64").asText());
    }

    /** Baileys' {@code unpadRandomMax16}. */
    public byte[] unpad(byte[] padded) {
        ObjectNode request = request("unpad").put("b64", Base64.getEncoder().encodeToString(padded));
        return Base64.getDecoder().decode(call(request).get("b64").asText());
    }

    /** Baileys' {@code encodeWAMessage}: the toObject-style {@code message} serialized and padded per {@code randomByte}. */
    public byte[] encodeWAMessage(JsonNode message, byte randomByte) {
        ObjectNode request = request("encodeWAMessage")
                .put("random", Base64.getEncoder().encodeToString(new byte[] {randomByte}));
        request.set("json", message);
        return Base64.getDecoder().decode(call(request).get("b64").asText());
    }

    /** How Baileys reads a decrypted plaintext: unpad, then {@code proto.Message.decode}; its toObject view. */
    public JsonNode decodeWAMessage(byte[] plaintext) {
        return call(request("decodeWAMessage").put("b64", Base64.getEncoder().encodeToString(plaintext))).get("json");
    }

    private static ObjectNode request(String op) {
        return JSON.createObjectNode().put("op", op);
    }

    private JsonNode call(ObjectNode request) {
        try {
            session.send(JSON.writeValueAsString(request));
            JsonNode reply = JSON.readTree(session.receive());
            if (!reply.path("ok").asBoolean()) {
                throw new PeerException(reply.path("error").asText());
            }
            return reply;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad JSON from proto-peer.mjs; stderr: " + session.stderr(), e);
        }
    }

    @Override
    public void close() {
        session.close();
    }

    /** The node side rejected a request (e.g. Baileys refused to unpad). */
    public static final class PeerException extends RuntimeException {
        PeerException(String message) {
            super(message);
        }
    }
}
