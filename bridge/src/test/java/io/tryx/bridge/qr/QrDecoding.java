package io.tryx.bridge.qr;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads rendered QR codes back, with ZXing's reader, as a phone camera would. */
public final class QrDecoding {

    private QrDecoding() {
    }

    /** The text of the QR code drawn by {@link QrSvg}'s unit squares in {@code svg} ({@code size} modules wide). */
    public static String decodeSvg(String svg) {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\"").matcher(svg);
        if (!box.find()) {
            throw new AssertionError("no viewBox in " + svg);
        }
        int size = Integer.parseInt(box.group(1));
        boolean[][] dark = new boolean[size][size];
        Matcher squares = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (squares.find()) {
            dark[Integer.parseInt(squares.group(2))][Integer.parseInt(squares.group(1))] = true;
        }
        return decode(dark, size);
    }

    /** Draws the modules 4 pixels each, black on white, and lets ZXing read them. */
    public static String decode(boolean[][] dark, int size) {
        int scale = 4;
        int width = size * scale;
        int[] pixels = new int[width * width];
        for (int y = 0; y < width; y++) {
            for (int x = 0; x < width; x++) {
                boolean on = y / scale < dark.length && dark[y / scale] != null && dark[y / scale][x / scale];
                pixels[y * width + x] = on ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, width, pixels)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        } catch (com.google.zxing.ReaderException e) {
            throw new AssertionError("not a readable QR code: " + e, e);
        }
    }
}
