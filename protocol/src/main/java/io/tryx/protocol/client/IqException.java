package io.tryx.protocol.client;

import io.tryx.protocol.binary.Node;

/** An IQ answered with {@code type="error"}; {@link #code()} is the error's code or -1. */
public final class IqException extends RuntimeException {

    private final int code;
    private final Node answer;

    public IqException(int code, String text, Node answer) {
        super("iq error " + code + ": " + text);
        this.code = code;
        this.answer = answer;
    }

    public int code() {
        return code;
    }

    public Node answer() {
        return answer;
    }
}
