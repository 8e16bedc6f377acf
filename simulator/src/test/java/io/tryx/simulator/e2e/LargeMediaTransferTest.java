package io.tryx.simulator.e2e;

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
 * 100 MiB go up to the simulator's media host and back down through our client, simulator and client sharing one
 * child JVM whose heap is capped at 64 MiB: if the client's encryption, upload, download or decryption, or the
 * host's receiving or serving held the file whole, the child would die with OutOfMemoryError.
 */
class LargeMediaTransferTest {

    private static final long SIZE = 100L * 1024 * 1024;

    @Test
    void oneHundredMebibytesStreamUpAndDownThroughASixtyFourMebibyteHeap() throws IOException, InterruptedException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                LargeMediaTransferCheck.class.getName(), Long.toString(SIZE)))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        Map<String, String> values = output.lines().filter(l -> l.matches("^[a-zA-Z]+=.*"))
                .map(l -> l.split("=", 2)).collect(Collectors.toMap(kv -> kv[0], kv -> kv[1], (a, b) -> b));
        System.out.printf("100 MiB through a 64 MiB heap: upload (encrypt + POST) %s ms, download (GET + decrypt) %s ms%n",
                values.get("uploadMs"), values.get("downloadMs"));
        assertThat(Long.parseLong(values.get("maxHeap"))).isLessThanOrEqualTo(64L << 20);
        assertThat(values.get("length")).isEqualTo(Long.toString(SIZE));
        assertThat(values.get("in")).hasSize(64).isEqualTo(values.get("out")).isEqualTo(values.get("announced"));
        // the encrypted file: padded to whole AES blocks plus the 10-byte MAC
        assertThat(Long.parseLong(values.get("stored"))).isGreaterThanOrEqualTo((SIZE / 16 + 1) * 16 + 10);
    }
}
