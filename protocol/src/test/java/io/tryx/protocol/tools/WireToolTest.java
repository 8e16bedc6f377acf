package io.tryx.protocol.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.binary.NodeEncoder;
import io.tryx.protocol.jid.Jid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class WireToolTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private record Result(int code, String out, String err) {
    }

    private static Result run(String command, String stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = WireTool.run(new String[] {command},
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final Node STANZA = Node.builder("message")
            .attr("to", Jid.parse("491701234567:3@s.whatsapp.net"))
            .attr("id", "3EB0C431C26A1916E2A0")
            .children(Node.builder("enc").attr("v", "2").bytes(new byte[] {1, 2, 3}).build(),
                    Node.builder("body").text("true").build())
            .build();

    @Test
    void decodePrintsTheNodeAsJson() throws Exception {
        Result result = run("decode", Base64.getEncoder().encodeToString(NodeEncoder.encode(STANZA)) + "\n");

        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(MAPPER.readTree(result.out())).isEqualTo(MAPPER.readTree("""
                {"tag": "message", "attrs": {"to": "491701234567:3@s.whatsapp.net", "id": "3EB0C431C26A1916E2A0"},
                 "content": [{"tag": "enc", "attrs": {"v": "2"}, "content": {"base64": "AQID"}},
                             {"tag": "body", "attrs": {}, "content": "true"}]}"""));
    }

    @Test
    void encodePrintsTheFrameAsBase64WithFlagByteZero() {
        Result result = run("encode", """
                {"tag": "message", "attrs": {"to": "491701234567:3@s.whatsapp.net", "id": "3EB0C431C26A1916E2A0"},
                 "content": [{"tag": "enc", "attrs": {"v": "2"}, "content": {"base64": "AQID"}},
                             {"tag": "body", "content": "true"}]}""");

        assertThat(result.code()).isZero();
        byte[] frame = Base64.getDecoder().decode(result.out().trim());
        assertThat(frame[0]).isZero();
        assertThat(frame).isEqualTo(NodeEncoder.encode(STANZA));
    }

    @Test
    void encodeThenDecodeRoundTrips() throws Exception {
        String json = MAPPER.writeValueAsString(NodeJson.toJson(STANZA));

        Result encoded = run("encode", json);
        Result decoded = run("decode", encoded.out());

        assertThat(MAPPER.readTree(decoded.out())).isEqualTo(MAPPER.readTree(json));
    }

    @Test
    void decodeAcceptsCompressedFrames() throws Exception {
        byte[] plain = NodeEncoder.encode(STANZA);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(2);
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(frame)) {
            deflater.write(plain, 1, plain.length - 1);
        }

        Result result = run("decode", Base64.getEncoder().encodeToString(frame.toByteArray()));

        assertThat(result.code()).isZero();
        JsonNode json = MAPPER.readTree(result.out());
        assertThat(NodeJson.fromJson(json)).isEqualTo(Node.builder("message").attr("to", "491701234567:3@s.whatsapp.net")
                .attr("id", "3EB0C431C26A1916E2A0").children(Node.builder("enc").attr("v", "2").bytes(new byte[] {1, 2, 3}).build(),
                        Node.builder("body").text("true").build()).build());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "decode | not base64 !!           | not base64",
            "decode | ''                      | no base64",
            "decode | APg=                    | TRUNCATED",
            "decode | APgBPwA=                | MALFORMED",
            "encode | {not json               | not JSON",
            "encode | {\"attrs\": {}}         | tag",
            "encode | {\"tag\": \"x\", \"attrs\": {\"a\": 1}} | must be a string",
            "encode | {\"tag\": \"x\", \"content\": {\"base64\": \"@@\"}} | base64",
            "encode | {\"tag\": \"x\", \"extra\": 1} | unknown field",
            "encode | ''                      | no JSON"})
    void badInputExitsWithTwoAndAOneLineMessage(String command, String stdin, String expectedMessage) {
        Result result = run(command, stdin);

        assertThat(result.code()).isEqualTo(WireTool.BAD_INPUT);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains(expectedMessage).doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void unknownCommandPrintsUsage() {
        Result result = run("transmogrify", "");

        assertThat(result.code()).isEqualTo(WireTool.USAGE);
        assertThat(result.err()).startsWith("usage:");
    }
}
