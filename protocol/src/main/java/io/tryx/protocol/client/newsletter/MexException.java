package io.tryx.protocol.client.newsletter;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.IqException;

/**
 * A {@code w:mex} query the server refused with a GraphQL error: {@link #code()} is the error's
 * {@code extensions.error_code} (404 an unknown newsletter, 403 not allowed, 400 a bad request), the message its text.
 */
public class MexException extends IqException {

    public MexException(int code, String text, Node answer) {
        super(code, text, answer);
    }

    protected MexException(String meaning, IqException cause) {
        super(meaning, cause);
    }
}
