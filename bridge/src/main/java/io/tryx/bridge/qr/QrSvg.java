package io.tryx.bridge.qr;

/**
 * A QR code as an inline SVG element for the status page: one path of unit squares for the dark modules on a
 * white background, scaled by the browser ({@code shape-rendering="crispEdges"} keeps edges sharp).
 */
public final class QrSvg {

    private QrSvg() {
    }

    /** An {@code <svg>} element {@code pixels} wide showing {@code text} as a QR code. */
    public static String render(String text, int pixels) {
        QrMatrix matrix = QrMatrix.encode(text);
        int size = matrix.size();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (matrix.dark(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" width=\"" + pixels + "\" height=\"" + pixels
                + "\" viewBox=\"0 0 " + size + " " + size + "\" shape-rendering=\"crispEdges\" role=\"img\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
