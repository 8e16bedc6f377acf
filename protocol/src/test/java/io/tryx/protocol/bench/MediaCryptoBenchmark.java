package io.tryx.protocol.bench;

import io.tryx.protocol.media.MediaDecryptor;
import io.tryx.protocol.media.MediaEncryptor;
import io.tryx.protocol.media.MediaType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Media throughput: encrypting an upload (AES-CBC, MAC, both hashes, sidecar for video) and decrypting
 * a download (MAC and hash checks), fed in 64 KiB pieces as from a stream. Score x size = bytes/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class MediaCryptoBenchmark {

    @Param({"1048576"})
    int size;

    @Param({"IMAGE", "VIDEO"})
    MediaType type;

    private byte[] plain;
    private byte[] mediaKey;
    private byte[] encrypted;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        plain = new byte[size];
        random.nextBytes(plain);
        mediaKey = new byte[32];
        random.nextBytes(mediaKey);
        encrypted = encrypt();
    }

    @Benchmark
    public byte[] encrypt() {
        MediaEncryptor encryptor = MediaEncryptor.start(mediaKey, type);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(size + 64);
        for (int offset = 0; offset < plain.length; offset += 65536) {
            out.writeBytes(encryptor.update(plain, offset, Math.min(65536, plain.length - offset)));
        }
        out.writeBytes(encryptor.finish());
        return out.toByteArray();
    }

    @Benchmark
    public long decrypt() {
        MediaDecryptor decryptor = MediaDecryptor.start(mediaKey, type, null, null);
        long n = 0;
        for (int offset = 0; offset < encrypted.length; offset += 65536) {
            n += decryptor.update(encrypted, offset, Math.min(65536, encrypted.length - offset)).length;
        }
        return n + decryptor.finish().length;
    }
}
