package io.tryx.simulator.phone;

/** A vote the poll does not allow: an option it does not have, or more options than may be chosen. */
public final class InvalidChoiceException extends IllegalArgumentException {

    InvalidChoiceException(String message) {
        super(message);
    }
}
