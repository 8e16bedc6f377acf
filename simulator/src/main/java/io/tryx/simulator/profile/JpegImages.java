package io.tryx.simulator.profile;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Checks that profile pictures are JPEG images and makes their small previews, with the JDK's image I/O. */
final class JpegImages {

    /** The side of the square preview WhatsApp serves for {@code type="preview"}. */
    static final int PREVIEW_SIDE = 96;

    private JpegImages() {
    }

    /** The decoded image when {@code bytes} are a readable JPEG, else null. */
    static BufferedImage decode(byte[] bytes) {
        if (bytes.length < 4 || (bytes[0] & 0xff) != 0xff || (bytes[1] & 0xff) != 0xd8) {
            return null;
        }
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A {@value #PREVIEW_SIDE}x{@value #PREVIEW_SIDE} JPEG of the image's centre square. */
    static byte[] preview(BufferedImage image) {
        int side = Math.min(image.getWidth(), image.getHeight());
        int x = (image.getWidth() - side) / 2;
        int y = (image.getHeight() - side) / 2;
        BufferedImage small = new BufferedImage(PREVIEW_SIDE, PREVIEW_SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, PREVIEW_SIDE, PREVIEW_SIDE, x, y, x + side, y + side, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(small, "jpg", out)) {
                throw new IllegalStateException("no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
