package io.tryx.bridge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.bridge.app.BridgeRuntime;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one line {@code run} and {@code demo} print on standard output once the bridge is ready, for scripts and
 * tests to wait for: {@code TRYX READY {"bootstrapServers":...,"schemaRegistryUrl":...,"topicPrefix":...,"statusUrl":...}}
 * (the demo adds its own fields after these).
 */
public final class ReadyLine {

    public static final String PREFIX = "TRYX READY ";

    private ReadyLine() {
    }

    static String format(BridgeRuntime runtime, URI statusUrl, Map<String, String> extra) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("bootstrapServers", runtime.bootstrapServers());
        fields.put("schemaRegistryUrl", runtime.schemaRegistryUrl());
        fields.put("topicPrefix", runtime.topicPrefix());
        fields.put("statusUrl", statusUrl.toString());
        fields.putAll(extra);
        try {
            return PREFIX + new ObjectMapper().writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the ready line", e);
        }
    }
}
