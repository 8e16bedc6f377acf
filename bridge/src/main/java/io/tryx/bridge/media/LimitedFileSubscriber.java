package io.tryx.bridge.media;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Writes a response body to a file, one buffer list at a time, and cancels the transfer as soon as more than
 * {@code limit} bytes arrived. Completes with the number of bytes written; closes the file in every case.
 */
final class LimitedFileSubscriber implements HttpResponse.BodySubscriber<Long> {

    private final FileChannel channel;
    private final long limit;
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private long written;

    LimitedFileSubscriber(FileChannel channel, long limit) {
        this.channel = channel;
        this.limit = limit;
    }

    @Override
    public CompletionStage<Long> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription value) {
        subscription = value;
        value.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        try {
            for (ByteBuffer buffer : buffers) {
                written += buffer.remaining();
                if (written > limit) {
                    subscription.cancel();
                    fail(new MediaFetchException(MediaFetchException.Reason.TOO_LARGE, 0,
                            "the file is larger than the limit of " + limit + " bytes", null));
                    return;
                }
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            subscription.request(1);
        } catch (IOException e) {
            subscription.cancel();
            fail(e);
        }
    }

    @Override
    public void onError(Throwable error) {
        fail(error);
    }

    @Override
    public void onComplete() {
        close();
        result.complete(written);
    }

    private void fail(Throwable error) {
        close();
        result.completeExceptionally(error);
    }

    private void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the file is deleted by the caller
        }
    }
}
