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
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FrameCipherBenchmark {

    private static final int BATCH = 64;

    /** Keys and one plaintext of the benchmarked size. */
    @State(Scope.Thread)
    public static class Frames {
        @Param({"256", "4096", "65536"})
        public int size;

        byte[] sendKey = new byte[32];
        byte[] receiveKey = new byte[32];
        byte[] plaintext;

        @Setup(Level.Trial)
        public void generate() {
            SplittableRandom random = new SplittableRandom(1);
            plaintext = new byte[size];
            random.nextBytes(sendKey);
            random.nextBytes(receiveKey);
            random.nextBytes(plaintext);
        }
    }

    /** A long-lived sending session. */
    @State(Scope.Thread)
    public static class Sender {
        NoiseSession session;

        @Setup(Level.Trial)
        public void open(Frames frames) {
            session = session(frames.sendKey, frames.receiveKey);
        }
    }

    /** A batch of sealed frames and a receiving session that starts at frame 0 for every batch. */
    @State(Scope.Thread)
    public static class Receiver {
        byte[] sealedBatch;
        NoiseSession session;

        @Setup(Level.Trial)
        public void seal(Frames frames) {
            NoiseSession sender = session(frames.sendKey, frames.receiveKey);
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            for (int i = 0; i < BATCH; i++) {
                batch.writeBytes(sender.seal(frames.plaintext));
            }
            sealedBatch = batch.toByteArray();
        }

        @Setup(Level.Invocation)
        public void restart(Frames frames) {
            session = session(frames.receiveKey, frames.sendKey);
        }
    }

    @Benchmark
    public byte[] seal(Frames frames, Sender sender) {
        return sender.session.seal(frames.plaintext);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void open(Receiver receiver, Blackhole blackhole) {
        receiver.session.open(receiver.sealedBatch, 0, receiver.sealedBatch.length, blackhole::consume);
    }

    private static NoiseSession session(byte[] sendKey, byte[] receiveKey) {
        return new NoiseSession(TransportCipher.fromKeys(sendKey, receiveKey), FrameEncoder.framesOnly(),
                FrameDecoder.forServerStream(FrameDecoder.MAX_FRAME_SIZE));
    }
}
