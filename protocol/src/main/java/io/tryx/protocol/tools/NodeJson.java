package io.tryx.protocol.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tryx.protocol.binary.Attrs;
import io.tryx.protocol.binary.Content;
import io.tryx.protocol.binary.Node;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link Node} that {@link WireTool} and the interop tests speak:
 * {@code {"tag": "...", "attrs": {"name": "value"}, "content": null | "text" | {"base64": "..."} | [nodes]}}.
 * JID attribute values are written in their text form; read back they are text (the encoder sends a
 * JID-shaped text exactly as it sends the JID).
 */
public final class NodeJson {

    private static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

    private NodeJson() {
    }

    /** The JSON form of a node. */
    public static ObjectNode toJson(Node node) {
        ObjectNode json = FACTORY.objectNode();
        json.put("tag", node.tag());
        ObjectNode attrs = json.putObject("attrs");
        Attrs a = node.attrs();
        for (int i = 0; i < a.size(); i++) {
            attrs.put(a.name(i), a.text(i));
        }
        switch (node.content()) {
            case Content.None none -> json.putNull("content");
            case Content.Text text -> json.put("content", text.value());
            case Content.Bytes bytes -> json.putObject("content")
                    .put("base64", Base64.getEncoder().encodeToString(bytes.toArray()));
            case Content.Children children -> {
                ArrayNode list = json.putArray("content");
                for (Node child : children.nodes()) {
                    list.add(toJson(child));
                }
            }
        }
        return json;
    }

    /** The node a JSON form describes; {@link IllegalArgumentException} naming the problem if it is not one. */
    public static Node fromJson(JsonNode json) {
        return fromJson(json, "$");
    }

    private static Node fromJson(JsonNode json, String path) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException(path + ": a node must be a JSON object");
        }
        for (Map.Entry<String, JsonNode> entry : json.properties()) {
            String field = entry.getKey();
            if (!field.equals("tag") && !field.equals("attrs") && !field.equals("content")) {
                throw new IllegalArgumentException(path + ": unknown field '" + field + "'");
            }
        }
        JsonNode tag = json.get("tag");
        if (tag == null || !tag.isTextual() || tag.textValue().isEmpty()) {
            throw new IllegalArgumentException(path + ".tag: must be a non-empty string");
        }
        return new Node(tag.textValue(), attrs(json.get("attrs"), path + ".attrs"),
                content(json.get("content"), path + ".content"));
    }

    private static Attrs attrs(JsonNode json, String path) {
        if (json == null || json.isNull()) {
            return Attrs.empty();
        }
        if (!json.isObject()) {
            throw new IllegalArgumentException(path + ": must be an object of strings");
        }
        Attrs.Builder builder = Attrs.builder();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            if (!field.getValue().isTextual()) {
                throw new IllegalArgumentException(path + "." + field.getKey() + ": must be a string");
            }
            builder.put(field.getKey(), field.getValue().textValue());
        }
        return builder.build();
    }

    private static Content content(JsonNode json, String path) {
        if (json == null || json.isNull()) {
            return Content.NONE;
        }
        if (json.isTextual()) {
            return new Content.Text(json.textValue());
        }
        if (json.isObject()) {
            JsonNode base64 = json.get("base64");
            if (json.size() != 1 || base64 == null || !base64.isTextual()) {
                throw new IllegalArgumentException(path + ": bytes must be {\"base64\": \"...\"}");
            }
            try {
                return Content.Bytes.of(Base64.getDecoder().decode(base64.textValue()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + ".base64: " + e.getMessage(), e);
            }
        }
        if (json.isArray()) {
            List<Node> children = new ArrayList<>(json.size());
            for (int i = 0; i < json.size(); i++) {
                children.add(fromJson(json.get(i), path + "[" + i + "]"));
            }
            return new Content.Children(children);
        }
        throw new IllegalArgumentException(path + ": must be null, a string, {\"base64\": ...} or an array");
    }
}
