package io.tryx.simulator.pairing;

/** Why the mock phone refused to scan a QR code or take a pair code; {@link Kind} maps to the admin API's HTTP status. */
public final class ScanException extends RuntimeException {

    /** The typed reason. */
    public enum Kind {
        /** The QR text does not parse. */
        MALFORMED_QR(400),
        /** The pair code is not 8 characters of WhatsApp's alphabet. */
        MALFORMED_CODE(400),
        /** No companion asked for a pair code for this phone number. */
        NO_CODE_REQUEST(404),
        /** No account with that phone number. */
        UNKNOWN_ACCOUNT(404),
        /** No pairing connection showed this ref. */
        UNKNOWN_REF(404),
        /** The ref exists but is not the one currently shown (rotated or exhausted). */
        STALE_REF(410),
        /** The QR's noise key is not the static key of the connection that showed the ref. */
        NOISE_KEY_MISMATCH(409),
        /** The companion did not countersign in time, or its countersignature did not verify. */
        PAIRING_FAILED(502);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Kind kind;

    public ScanException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
