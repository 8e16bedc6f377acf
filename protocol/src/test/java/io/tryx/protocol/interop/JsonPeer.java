package io.tryx.protocol.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Request/answer calls over a node line session: JSON objects, bytes as hex, lists of bytes as hex arrays. */
public final class JsonPeer implements AutoCloseable {

    public static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final NodePeer.LineSession session;

    public JsonPeer(String script) {
        this.session = NodePeer.open(script);
    }

    /** Sends {@code op} with alternating name/value fields (byte[], List of byte[], int[], Integer, String). */
    public JsonNode call(String op, Object... fields) {
        ObjectNode request = JSON.createObjectNode().put("op", op);
        for (int i = 0; i < fields.length; i += 2) {
            String name = (String) fields[i];
            switch (fields[i + 1]) {
                case byte[] b -> request.put(name, HEX.formatHex(b));
                case int[] numbers -> {
                    ArrayNode array = request.putArray(name);
                    for (int n : numbers) {
                        array.add(n);
                    }
                }
                case List<?> list -> {
                    ArrayNode array = request.putArray(name);
                    list.forEach(item -> array.add(HEX.formatHex((byte[]) item)));
                }
                case Integer n -> request.put(name, n);
                case null -> request.putNull(name);
                default -> request.put(name, String.valueOf(fields[i + 1]));
            }
        }
        session.send(request.toString());
        try {
            return JSON.readTree(session.receive());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #call} but the answer must not be an error. */
    public JsonNode ok(String op, Object... fields) {
        JsonNode answer = call(op, fields);
        assertThat(answer.has("error")).as("peer error: %s", answer).isFalse();
        return answer;
    }

    public static byte[] bytes(JsonNode node, String field) {
        return HEX.parseHex(node.get(field).asText());
    }

    public static List<byte[]> byteList(JsonNode node, String field) {
        List<byte[]> out = new ArrayList<>();
        node.get(field).forEach(item -> out.add(HEX.parseHex(item.asText())));
        return out;
    }

    @Override
    public void close() {
        session.close();
    }
}
