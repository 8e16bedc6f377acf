package io.tryx.protocol.tools;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.binary.NodeDecoder;
import io.tryx.protocol.binary.NodeEncoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Command-line bridge between frame plaintext and JSON, a fixed contract for other tools:
 * <ul>
 *   <li>{@code WireTool decode}: stdin is the base64 of a frame's plaintext (flag byte first; compressed
 *       frames too); stdout is the node as JSON ({@link NodeJson}) and a newline.</li>
 *   <li>{@code WireTool encode}: stdin is that JSON; stdout is the base64 of the frame plaintext (flag byte 0
 *       first) and a newline.</li>
 * </ul>
 * Exit codes: 0 success; 2 bad input (a one-line message on stderr, no stack trace); 64 bad usage.
 */
public final class WireTool {

    /** Exit code for input that is not a valid frame or node. */
    public static final int BAD_INPUT = 2;
    /** Exit code for an unknown command. */
    public static final int USAGE = 64;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private WireTool() {
    }

    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command; returns the exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length != 1 || !(args[0].equals("decode") || args[0].equals("encode"))) {
            err.println("usage: WireTool decode|encode  (base64 frame <-> node JSON on stdin/stdout)");
            return USAGE;
        }
        try {
            String input = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (args[0].equals("decode")) {
                out.println(MAPPER.writeValueAsString(NodeJson.toJson(NodeDecoder.decodeFrame(base64(input)))));
            } else {
                out.println(Base64.getEncoder().encodeToString(NodeEncoder.encode(parseJson(input))));
            }
            out.flush();
            return 0;
        } catch (ProtocolException | IllegalArgumentException e) {
            err.println("wiretool " + args[0] + ": " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("wiretool " + args[0] + ": cannot read stdin: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static byte[] base64(String input) {
        String compact = input.replaceAll("\\s+", "");
        if (compact.isEmpty()) {
            throw new IllegalArgumentException("no base64 on stdin");
        }
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("stdin is not base64: " + e.getMessage(), e);
        }
    }

    private static Node parseJson(String input) {
        JsonNode json;
        try {
            json = MAPPER.readTree(input);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("stdin is not JSON: " + e.getOriginalMessage(), e);
        }
        if (json == null || json.isMissingNode()) {
            throw new IllegalArgumentException("no JSON on stdin");
        }
        return NodeJson.fromJson(json);
    }
}
