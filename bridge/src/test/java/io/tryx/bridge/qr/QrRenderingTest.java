package io.tryx.bridge.qr;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rendered codes are read back as pixels and decoded by ZXing's QR reader, as a phone camera would. */
class QrRenderingTest {

    /** A QR payload shaped like WhatsApp's: ref, noise key, identity key, ADV secret (base64), platform. */
    static final String WHATSAPP_LIKE = "2@Xk3b9ZQv0pX1mN7rT4sW8yA2cE6gI0kM4oQ8sU2wY6aC0eG4iK8mO2qS6uW0yA4cE8g==,"
            + "yJ0Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg==,aGVsbG93b3JsZGhlbGxvd29ybGRoZWxsb3dvcmxkMTI=,"
            + "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTI=,1";

    @Test
    void terminalHalfBlocksDecodeToTheText() {
        String rendered = TerminalQr.render(WHATSAPP_LIKE);
        String[] lines = rendered.split("\n");
        int size = QrMatrix.encode(WHATSAPP_LIKE).size();

        assertThat(lines).hasSize((size + 1) / 2);
        boolean[][] dark = new boolean[lines.length * 2][];
        for (int row = 0; row < lines.length; row++) {
            assertThat(lines[row]).startsWith(TerminalQr.START).endsWith(TerminalQr.RESET);
            String cells = lines[row].substring(TerminalQr.START.length(), lines[row].length() - TerminalQr.RESET.length());
            assertThat(cells).hasSize(size);
            dark[2 * row] = new boolean[size];
            dark[2 * row + 1] = new boolean[size];
            for (int x = 0; x < size; x++) {
                char c = cells.charAt(x);
                dark[2 * row][x] = c == '█' || c == '▀';
                dark[2 * row + 1][x] = c == '█' || c == '▄';
            }
        }
        assertThat(decode(dark, size)).isEqualTo(WHATSAPP_LIKE);
    }

    @Test
    void svgPathDecodesToTheText() {
        String svg = QrSvg.render(WHATSAPP_LIKE, 264);
        int size = QrMatrix.encode(WHATSAPP_LIKE).size();

        assertThat(svg).startsWith("<svg").contains("viewBox=\"0 0 " + size + " " + size + "\"").endsWith("</svg>");
        assertThat(Pattern.compile("h1v1h-1z").matcher(svg).results().count()).isGreaterThan(100);
        assertThat(QrDecoding.decodeSvg(svg)).isEqualTo(WHATSAPP_LIKE);
    }

    @Test
    void quietZoneStaysLight() {
        QrMatrix matrix = QrMatrix.encode("hello");
        for (int i = 0; i < matrix.size(); i++) {
            for (int q = 0; q < QrMatrix.QUIET_ZONE; q++) {
                assertThat(matrix.dark(i, q)).isFalse();
                assertThat(matrix.dark(q, i)).isFalse();
                assertThat(matrix.dark(i, matrix.size() - 1 - q)).isFalse();
            }
        }
    }

    @Test
    void textTooLongForAQrCodeIsATypedError() {
        assertThatThrownBy(() -> QrMatrix.encode("x".repeat(5000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("QR code");
    }

    private static String decode(boolean[][] dark, int size) {
        return QrDecoding.decode(dark, size);
    }
}
