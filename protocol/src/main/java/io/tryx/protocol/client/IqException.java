package io.tryx.protocol.client;

import io.tryx.protocol.binary.Node;

/**
 * An IQ answered with {@code type="error"}; {@link #code()} is the error's code or -1. Namespaces refine it into
 * subclasses that name what the refusal means (a hidden profile picture, an unknown user, ...), keeping the code
 * and the answer, so callers may catch either the specific type or this one.
 */
public class IqException extends RuntimeException {

    private final int code;
    private final Node answer;

    public IqException(int code, String text, Node answer) {
        super("iq error " + code + ": " + text);
        this.code = code;
        this.answer = answer;
    }

    /** A refinement of {@code cause}: same code and answer, a message saying what it means. */
    protected IqException(String meaning, IqException cause) {
        super(meaning + " (iq error " + cause.code + ")", cause);
        this.code = cause.code;
        this.answer = cause.answer;
    }

    public int code() {
        return code;
    }

    public Node answer() {
        return answer;
    }
}
