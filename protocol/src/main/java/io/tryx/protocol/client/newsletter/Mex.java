package io.tryx.protocol.client.newsletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.iq.IqCalls;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * GraphQL over IQ: {@code <iq xmlns="w:mex" type="get" to="s.whatsapp.net"><query query_id>{"variables":...}</query></iq>}
 * answered with {@code <result>} holding {@code {"data":{<path>:...},"errors":[...]}}. A non-empty {@code errors}
 * fails with {@link MexException}; an answer without the expected data with {@link ProtocolException}.
 */
final class Mex {

    static final ObjectMapper JSON = new ObjectMapper();

    private final IqCalls calls;

    Mex(IqCalls calls) {
        this.calls = calls;
    }

    /** Runs query {@code queryId} with {@code variables}; completes with {@code data.<path>}. */
    CompletableFuture<JsonNode> query(String queryId, Map<String, ?> variables, String path) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("variables", variables));
        } catch (IOException e) {
            throw new IllegalArgumentException("variables not serializable", e);
        }
        Node query = Node.builder("query").attr("query_id", queryId).bytes(body).build();
        return calls.query("w:mex", "get", query).thenApply(answer -> data(answer, path));
    }

    static JsonNode data(Node answer, String path) {
        Node result = answer.child("result").orElseThrow(() ->
                new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "mex answer without result"));
        JsonNode json;
        try {
            json = JSON.readTree(IqCalls.text(result).orElse(""));
        } catch (IOException e) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "mex result is not JSON: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "mex result is not a JSON object");
        }
        JsonNode errors = json.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            JsonNode first = errors.get(0);
            throw new MexException(first.path("extensions").path("error_code").asInt(400),
                    first.path("message").asText("graphql error"), answer);
        }
        JsonNode data = json.path("data").path(path);
        if (data.isMissingNode()) {
            throw new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "mex result without data." + path);
        }
        return data;
    }
}
