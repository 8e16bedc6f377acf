package io.tryx.simulator.profile;

import io.tryx.simulator.account.Account;
import io.tryx.simulator.media.MediaBlobs;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The profiles of all accounts: the "about" status text and the profile picture (its id and the image and preview
 * stored as media blobs, served by the media host). Thread-safe.
 */
public final class Profiles {

    /** An "about" text set at {@code t} (epoch seconds). */
    public record Status(String text, long t) {
    }

    /** A profile picture: its id, the full image and the preview, set at {@code t}. */
    public record Picture(String id, MediaBlobs.Blob image, MediaBlobs.Blob preview, long t) {
    }

    private final MediaBlobs blobs;
    private final Map<String, Status> statuses = new ConcurrentHashMap<>();
    private final Map<String, Picture> pictures = new ConcurrentHashMap<>();
    private final AtomicLong pictureIds;

    public Profiles(MediaBlobs blobs, long now) {
        this.blobs = blobs;
        this.pictureIds = new AtomicLong(now * 10);
    }

    public Optional<Status> status(Account account) {
        return Optional.ofNullable(statuses.get(account.phone()));
    }

    public void status(Account account, Status status) {
        statuses.put(account.phone(), status);
    }

    public Optional<Picture> picture(Account account) {
        return Optional.ofNullable(pictures.get(account.phone()));
    }

    /** Stores a new picture (JPEG image and preview bytes) for {@code account}; returns it with its fresh id. */
    public Picture setPicture(Account account, byte[] image, byte[] preview, long t) {
        Picture picture = new Picture(Long.toString(pictureIds.incrementAndGet()), store(image), store(preview), t);
        pictures.put(account.phone(), picture);
        return picture;
    }

    /** Removes the account's picture; false when it had none. */
    public boolean removePicture(Account account) {
        return pictures.remove(account.phone()) != null;
    }

    private MediaBlobs.Blob store(byte[] bytes) {
        MediaBlobs.Upload upload = blobs.begin();
        try {
            upload.write(bytes);
            return upload.finish(upload.digest());
        } catch (RuntimeException e) {
            upload.abort();
            throw e;
        }
    }
}
