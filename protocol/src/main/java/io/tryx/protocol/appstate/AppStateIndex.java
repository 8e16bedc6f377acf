package io.tryx.protocol.appstate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.CollectionType;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The index of a mutation is a compact JSON array of strings, exactly as WhatsApp clients serialize it. */
final class AppStateIndex {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CollectionType LIST = JSON.getTypeFactory().constructCollectionType(List.class, String.class);

    private AppStateIndex() {
    }

    static byte[] encode(List<String> index) {
        try {
            return JSON.writeValueAsString(index).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("index is not serializable", e);
        }
    }

    static List<String> decode(byte[] json) {
        try {
            List<String> index = JSON.readValue(json, LIST);
            if (index == null || index.stream().anyMatch(java.util.Objects::isNull)) {
                throw new ProtocolException(Reason.MALFORMED, "app-state index must be an array of strings");
            }
            return index;
        } catch (java.io.IOException e) {
            throw new ProtocolException(Reason.MALFORMED, "app-state index is not a JSON array of strings", e);
        }
    }
}
