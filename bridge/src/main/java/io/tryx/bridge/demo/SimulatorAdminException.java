package io.tryx.bridge.demo;

/** The simulator's admin API refused a request ({@code status} and its error {@code code}) or did not answer (status 0). */
public final class SimulatorAdminException extends RuntimeException {

    private final int status;
    private final String code;

    public SimulatorAdminException(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status, 0 when no answer came. */
    public int status() {
        return status;
    }

    /** The simulator's error code ({@code unknown-account}, {@code malformed-qr}, ...), or {@code io-error}. */
    public String code() {
        return code;
    }
}
