package io.tryx.protocol.binary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The dictionary v3 token tables (236 single-byte tokens, four 256-entry double-byte dictionaries), read
 * once from the resource {@code tokens-v3.txt} and indexed for encoding.
 */
final class Tokens {

    /** {@link #lookup} result flag: the token is in a double-byte dictionary. */
    static final int DOUBLE = 0x10000;
    /** {@link #lookup} result when the string is no token. */
    static final int NONE = -1;

    private static final String RESOURCE = "tokens-v3.txt";
    private static final String[] SINGLE;
    private static final String[][] DOUBLE_TABLES;
    private static final Map<String, Integer> INDEX;

    static {
        try (InputStream in = Tokens.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            expect(reader.readLine(), "tryx-tokens v3");
            SINGLE = readTable(reader, "single");
            DOUBLE_TABLES = new String[4][];
            for (int d = 0; d < 4; d++) {
                DOUBLE_TABLES[d] = readTable(reader, "double " + d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<String, Integer> index = new HashMap<>(2048);
        for (int i = 1; i < SINGLE.length; i++) {
            index.put(SINGLE[i], i);
        }
        for (int d = 0; d < DOUBLE_TABLES.length; d++) {
            for (int i = 0; i < DOUBLE_TABLES[d].length; i++) {
                index.put(DOUBLE_TABLES[d][i], DOUBLE | d << 8 | i);
            }
        }
        INDEX = Map.copyOf(index);
    }

    private Tokens() {
    }

    private static String[] readTable(BufferedReader reader, String header) throws IOException {
        String line = reader.readLine();
        if (line == null || !line.startsWith(header + " ")) {
            throw new IllegalStateException(RESOURCE + ": expected '" + header + " <count>' but found " + line);
        }
        int count = Integer.parseInt(line.substring(header.length() + 1));
        String[] table = new String[count];
        for (int i = 0; i < count; i++) {
            table[i] = reader.readLine();
            if (table[i] == null) {
                throw new IllegalStateException(RESOURCE + ": table '" + header + "' ends early");
            }
        }
        return table;
    }

    private static void expect(String line, String expected) {
        if (!expected.equals(line)) {
            throw new IllegalStateException(RESOURCE + ": expected '" + expected + "' but found " + line);
        }
    }

    /** Number of single-byte tokens (index 0 is unused). */
    static int singleCount() {
        return SINGLE.length;
    }

    /** The single-byte token at {@code index}, 1 &lt;= index &lt; {@link #singleCount()}. */
    static String single(int index) {
        return SINGLE[index];
    }

    /** The token {@code index} (0-255) of double-byte dictionary {@code dictionary} (0-3). */
    static String doubleByte(int dictionary, int index) {
        return DOUBLE_TABLES[dictionary][index];
    }

    /**
     * The token code of {@code s}: its single-byte index, {@code DOUBLE | dictionary << 8 | index} for a
     * double-byte token, or {@link #NONE}.
     */
    static int lookup(String s) {
        Integer code = INDEX.get(s);
        return code == null ? NONE : code;
    }
}
