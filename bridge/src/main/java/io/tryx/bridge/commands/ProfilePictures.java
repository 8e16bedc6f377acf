package io.tryx.bridge.commands;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Makes a profile picture as WhatsApp shows it: the image (JPEG or PNG) cropped to its centre square, scaled down to
 * at most 640x640 and written as a JPEG. Pure.
 */
final class ProfilePictures {

    /** The side WhatsApp shows a full profile picture at. */
    static final int SIDE = 640;

    private ProfilePictures() {
    }

    /** The square JPEG; {@code INVALID_COMMAND} when the bytes are no image Java can read. */
    static byte[] square(byte[] image) {
        BufferedImage source;
        try {
            source = ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            source = null;
        }
        if (source == null) {
            throw CommandFailure.invalid("the profile picture is not a JPEG or PNG image");
        }
        int side = Math.min(source.getWidth(), source.getHeight());
        int target = Math.min(side, SIDE);
        BufferedImage square = new BufferedImage(target, target, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = square.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            int x = (source.getWidth() - side) / 2;
            int y = (source.getHeight() - side) / 2;
            g.drawImage(source, 0, 0, target, target, x, y, x + side, y + side, null);
        } finally {
            g.dispose();
        }
        return jpeg(square);
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
