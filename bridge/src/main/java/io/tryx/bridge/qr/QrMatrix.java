package io.tryx.bridge.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The modules of a QR code for a text (ZXing's encoder, error correction M, UTF-8), with the quiet zone of
 * {@link #QUIET_ZONE} modules around it that scanners need. Immutable; {@code dark(x, y)} is false outside.
 */
public final class QrMatrix {

    /** Light modules around the symbol, as the QR specification asks. */
    public static final int QUIET_ZONE = 4;

    private final boolean[][] modules;
    private final int size;

    private QrMatrix(boolean[][] modules) {
        this.modules = modules;
        this.size = modules.length + 2 * QUIET_ZONE;
    }

    /** Encodes {@code text}; fails with {@link IllegalArgumentException} when it does not fit a QR code. */
    public static QrMatrix encode(String text) {
        ByteMatrix matrix;
        try {
            matrix = Encoder.encode(text, ErrorCorrectionLevel.M,
                    Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name())).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as a QR code: " + e.getMessage(), e);
        }
        boolean[][] modules = new boolean[matrix.getHeight()][matrix.getWidth()];
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                modules[y][x] = matrix.get(x, y) == 1;
            }
        }
        return new QrMatrix(modules);
    }

    /** Width and height in modules, quiet zone included. */
    public int size() {
        return size;
    }

    /** Whether module ({@code x}, {@code y}) is dark; coordinates include the quiet zone. */
    public boolean dark(int x, int y) {
        int mx = x - QUIET_ZONE;
        int my = y - QUIET_ZONE;
        return my >= 0 && my < modules.length && mx >= 0 && mx < modules.length && modules[my][mx];
    }
}
