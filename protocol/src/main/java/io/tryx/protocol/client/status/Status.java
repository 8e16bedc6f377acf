package io.tryx.protocol.client.status;

import io.tryx.protocol.client.media.Media;
import io.tryx.protocol.client.media.OutgoingMedia;
import io.tryx.protocol.client.messaging.Messaging;
import io.tryx.protocol.client.messaging.SendResult;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.E2EProto;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Status updates: posts text, image and video statuses to {@code status@broadcast} and deletes them. A status is a
 * sender-key broadcast whose audience the sender names with each post (the server keeps no list): the contacts in
 * {@code audience} (users) and our own other devices receive it. Statuses others post arrive as ordinary message
 * events in the chat {@code status@broadcast}. Invalid arguments throw at once.
 */
public final class Status {

    private final Messaging messaging;
    private final Media media;

    public Status(Messaging messaging, Media media) {
        this.messaging = Objects.requireNonNull(messaging, "messaging");
        this.media = Objects.requireNonNull(media, "media");
    }

    /**
     * Posts a text status on a {@code backgroundArgb} background (e.g. {@code 0xFF1E6E4F}) in {@code font};
     * completes with its id once the server acknowledged it.
     */
    public CompletableFuture<SendResult> postText(String text, int backgroundArgb,
                                                  E2EProto.Message.ExtendedTextMessage.FontType font, List<Jid> audience) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(font, "font");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a text status needs a text");
        }
        return messaging.sendStatus(audience(audience), E2EProto.Message.newBuilder().setExtendedTextMessage(
                E2EProto.Message.ExtendedTextMessage.newBuilder().setText(text).setBackgroundArgb(backgroundArgb)
                        .setTextArgb(0xFFFFFFFF).setFont(font)).build());
    }

    /** Uploads {@code image} and posts it as a status. */
    public CompletableFuture<SendResult> postImage(OutgoingMedia.Image image, List<Jid> audience) {
        return postMedia(image, audience);
    }

    /** Uploads {@code video} and posts it as a status. */
    public CompletableFuture<SendResult> postVideo(OutgoingMedia.Video video, List<Jid> audience) {
        return postMedia(video, audience);
    }

    /** Deletes our status {@code id} for {@code audience} (those who received it). */
    public CompletableFuture<SendResult> revoke(String id, List<Jid> audience) {
        Objects.requireNonNull(id, "id");
        return messaging.revokeStatus(id, audience(audience));
    }

    private CompletableFuture<SendResult> postMedia(OutgoingMedia item, List<Jid> audience) {
        List<Jid> users = audience(audience);
        return media.prepare(item).thenCompose(message -> messaging.sendStatus(users, message));
    }

    private static List<Jid> audience(List<Jid> audience) {
        Objects.requireNonNull(audience, "audience");
        if (audience.isEmpty()) {
            throw new IllegalArgumentException("a status needs an audience");
        }
        for (Jid user : audience) {
            if (!user.isPhoneUser() && !user.isLid()) {
                throw new IllegalArgumentException("not a user: " + user);
            }
        }
        return List.copyOf(audience);
    }
}
