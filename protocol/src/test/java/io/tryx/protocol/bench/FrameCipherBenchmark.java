package io.tryx.protocol.bench;

import io.tryx.protocol.noise.FrameDecoder;
import io.tryx.protocol.noise.FrameEncoder;
import io.tryx.protocol.noise.NoiseSession;
import io.tryx.protocol.noise.TransportCipher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The per-frame hot path of an established connection: {@code seal} (AES-256-GCM encrypt + 3-byte
 * length framing) and {@code open} (stream decoding + decrypt), at 256 B, 4 KiB and 64 KiB payloads.
 * {@code open} decodes a pre-sealed batch of frames from one buffer with a fresh receiving session per
 * batch (created outside the measurement), since each frame's nonce is its position in the stream.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FrameCipherBenchmark {

    private static final int BATCH = 64;

    @Param({"256", "4096", "65536"})
    public int size;

    private byte[] sendKey;
    private byte[] receiveKey;
    private byte[] plaintext;
    private byte[] sealedBatch;
    private NoiseSession sender;
    private NoiseSession receiver;

    @Setup(Level.Trial)
    public void keysAndFrames() {
        SplittableRandom random = new SplittableRandom(1);
        sendKey = new byte[32];
        receiveKey = new byte[32];
        plaintext = new byte[size];
        random.nextBytes(sendKey);
        random.nextBytes(receiveKey);
        random.nextBytes(plaintext);
        sender = session(sendKey, receiveKey);
        NoiseSession batchSender = session(sendKey, receiveKey);
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        for (int i = 0; i < BATCH; i++) {
            batch.writeBytes(batchSender.seal(plaintext));
        }
        sealedBatch = batch.toByteArray();
    }

    @Setup(Level.Invocation)
    public void freshReceiver() {
        receiver = session(receiveKey, sendKey);
    }

    @Benchmark
    public byte[] seal() {
        return sender.seal(plaintext);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void open(Blackhole blackhole) {
        receiver.open(sealedBatch, 0, sealedBatch.length, blackhole::consume);
    }

    private static NoiseSession session(byte[] sendKey, byte[] receiveKey) {
        return new NoiseSession(TransportCipher.fromKeys(sendKey, receiveKey), FrameEncoder.framesOnly(),
                FrameDecoder.forServerStream(FrameDecoder.MAX_FRAME_SIZE));
    }
}
