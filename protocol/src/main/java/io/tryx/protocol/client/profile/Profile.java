package io.tryx.protocol.client.profile;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.iq.IqCalls;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * What the account shows others. {@link #setStatusText}, {@link #setPicture} and {@link #removePicture} are one IQ
 * round trip each; {@link #setPushName} announces the name with a {@code <presence name/>} (WhatsApp answers no
 * presence) and keeps it for later {@code available} presences. The account's other devices and the peers allowed to
 * see a change get notified ({@code status} / {@code picture} notifications). Invalid input throws at once.
 * Thread-safe.
 */
public final class Profile {

    /** The longest "about" text WhatsApp takes, in characters (code points). */
    public static final int MAX_STATUS_LENGTH = 139;
    /** The longest push name WhatsApp takes, in characters (code points). */
    public static final int MAX_PUSH_NAME_LENGTH = 25;

    private final IqCalls calls;
    private final PushName pushName;

    public Profile(IqCalls calls, PushName pushName) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.pushName = Objects.requireNonNull(pushName, "pushName");
    }

    /** The push name set through this client, if any. */
    public PushName pushName() {
        return pushName;
    }

    /** Sets the push name; completes once the presence carrying it is written. */
    public CompletableFuture<Void> setPushName(String name) {
        Objects.requireNonNull(name, "name");
        int length = name.codePointCount(0, name.length());
        if (name.isBlank() || length > MAX_PUSH_NAME_LENGTH) {
            throw new IllegalArgumentException("a push name has 1 to " + MAX_PUSH_NAME_LENGTH + " characters");
        }
        pushName.set(name);
        return calls.send(Node.builder("presence").attr("name", name).build());
    }

    /** Sets the "about" text (an empty text clears it). */
    public CompletableFuture<Void> setStatusText(String text) {
        Objects.requireNonNull(text, "text");
        if (text.codePointCount(0, text.length()) > MAX_STATUS_LENGTH) {
            throw new IllegalArgumentException("an about text has at most " + MAX_STATUS_LENGTH + " characters");
        }
        Node status = Node.builder("status").bytes(text.getBytes(StandardCharsets.UTF_8)).build();
        return calls.query("status", "set", status).thenApply(answer -> null);
    }

    /**
     * Sets the profile picture from JPEG bytes (WhatsApp shows it at 640x640; the server makes the preview); completes
     * with the new picture's id. Fails with {@link PictureRejectedException} when the server cannot take it.
     *
     * @throws IllegalArgumentException at once when the bytes are not a JPEG
     */
    public CompletableFuture<String> setPicture(byte[] jpeg) {
        Objects.requireNonNull(jpeg, "jpeg");
        if (jpeg.length < 3 || (jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8 || (jpeg[2] & 0xff) != 0xff) {
            throw new IllegalArgumentException("a profile picture must be a JPEG image");
        }
        Node picture = Node.builder("picture").attr("type", "image").bytes(jpeg.clone()).build();
        return IqCalls.refine(calls.query("w:profile:picture", "set", picture),
                iq -> iq.code() == 400 ? new PictureRejectedException(iq) : iq)
                .thenApply(answer -> answer.child("picture").flatMap(p -> p.attrs().optionalString("id")).orElse(null));
    }

    /** Removes the profile picture. */
    public CompletableFuture<Void> removePicture() {
        return calls.query("w:profile:picture", "set").thenApply(answer -> null);
    }
}
