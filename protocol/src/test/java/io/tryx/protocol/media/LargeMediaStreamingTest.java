package io.tryx.protocol.media;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 200 MiB file streams through encryption and decryption in a child JVM whose heap is capped at
 * 32 MiB: if either side buffered the file, the child would die with OutOfMemoryError.
 */
class LargeMediaStreamingTest {

    private static final long SIZE = 200L * 1024 * 1024;

    @Test
    void twoHundredMebibytesStreamThroughAThirtyTwoMebibyteHeap() throws IOException, InterruptedException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx32m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                LargeMediaStreamCheck.class.getName(), Long.toString(SIZE)))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        Map<String, String> values = output.lines().filter(l -> l.contains("="))
                .map(l -> l.split("=", 2)).collect(Collectors.toMap(kv -> kv[0], kv -> kv[1], (a, b) -> b));
        assertThat(values.get("length")).isEqualTo(Long.toString(SIZE));
        assertThat(values.get("in")).hasSize(64).isEqualTo(values.get("out"));
        assertThat(values.get("hashesAgree")).isEqualTo("true");
        assertThat(Long.parseLong(values.get("sidecarPieces"))).isEqualTo(SIZE / 65536 + 1);
    }
}
