package io.tryx.protocol.noise;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/** Test plumbing: collects wire bytes and replays them to a decoder in awkward fragments (single bytes up to 100 KiB). */
final class ByteStream {

    interface Sink {
        void accept(byte[] chunk, int offset, int length, Consumer<byte[]> out);
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    void write(byte[] chunk) {
        bytes.writeBytes(chunk);
    }

    List<byte[]> drainInFragments(RandomGenerator random, Sink sink) {
        byte[] all = bytes.toByteArray();
        bytes.reset();
        List<byte[]> out = new ArrayList<>();
        int position = 0;
        while (position < all.length) {
            int n = Math.min(all.length - position, fragment(random));
            sink.accept(all, position, n, out::add);
            position += n;
        }
        return out;
    }

    static int fragment(RandomGenerator random) {
        return switch (random.nextInt(4)) {
            case 0 -> 1;
            case 1 -> 1 + random.nextInt(5);
            case 2 -> 1 + random.nextInt(2000);
            default -> 1 + random.nextInt(100_000);
        };
    }
}
