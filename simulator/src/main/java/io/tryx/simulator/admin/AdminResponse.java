package io.tryx.simulator.admin;

/** An admin API answer: HTTP status and a JSON-serializable body. */
public record AdminResponse(int status, Object body) {

    /** {@code {"error": code, "message": message}} with this status. */
    public static AdminResponse error(int status, String code, String message) {
        return new AdminResponse(status, new ErrorBody(code, message));
    }

    /** The body of every 4xx/5xx answer. */
    public record ErrorBody(String error, String message) {
    }

    /** A body sent as it is, not as JSON (a script, a file). */
    public record Raw(String contentType, byte[] bytes) {
        public Raw {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }
}
