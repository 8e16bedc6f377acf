package io.tryx.simulator.router;

/** The IQ error codes and texts the real server answers with. */
public enum IqError {
    BAD_REQUEST(400, "bad-request"),
    NOT_AUTHORIZED(401, "not-authorized"),
    FORBIDDEN(403, "forbidden"),
    ITEM_NOT_FOUND(404, "item-not-found"),
    NOT_ACCEPTABLE(406, "not-acceptable"),
    CONFLICT(409, "conflict"),
    GONE(410, "gone"),
    INTERNAL_SERVER_ERROR(500, "internal-server-error"),
    FEATURE_NOT_IMPLEMENTED(501, "feature-not-implemented");

    private final int code;
    private final String text;

    IqError(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }
}
