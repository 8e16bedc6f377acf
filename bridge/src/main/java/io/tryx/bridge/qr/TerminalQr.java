package io.tryx.bridge.qr;

/**
 * A QR code drawn in a terminal with Unicode half blocks: each character covers two module rows (upper half
 * {@code ▀}, lower half {@code ▄}, both {@code █}, neither a space). ANSI colours force black modules on a white
 * background so the code scans on dark and light terminals alike; each line resets the colours at its end.
 */
public final class TerminalQr {

    /** Black foreground on white background. */
    static final String START = "\u001b[30;47m";
    /** Back to the terminal's colours. */
    static final String RESET = "\u001b[0m";

    private TerminalQr() {
    }

    /** The lines to print for {@code text}, separated by {@code \n}, ending with one. */
    public static String render(String text) {
        QrMatrix matrix = QrMatrix.encode(text);
        int size = matrix.size();
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < size; y += 2) {
            out.append(START);
            for (int x = 0; x < size; x++) {
                boolean upper = matrix.dark(x, y);
                boolean lower = y + 1 < size && matrix.dark(x, y + 1);
                out.append(upper ? (lower ? '█' : '▀') : (lower ? '▄' : ' '));
            }
            out.append(RESET).append('\n');
        }
        return out.toString();
    }
}
