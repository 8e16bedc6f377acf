package io.tryx.bridge.commands;

import io.tryx.commands.v1.CommandFailed;
import io.tryx.commands.v1.ErrorCode;

import java.util.Objects;

/** A command that failed in a way the caller is told about: becomes a {@link CommandFailed} result. */
public final class CommandFailure extends RuntimeException {

    private final ErrorCode code;
    private final Integer serverCode;
    private final boolean retryable;

    public CommandFailure(ErrorCode code, String message, Integer serverCode, boolean retryable) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.serverCode = serverCode;
        this.retryable = retryable;
    }

    public static CommandFailure invalid(String message) {
        return new CommandFailure(ErrorCode.INVALID_COMMAND, message, null, false);
    }

    public static CommandFailure unsupported(String message) {
        return new CommandFailure(ErrorCode.UNSUPPORTED, message, null, false);
    }

    public ErrorCode code() {
        return code;
    }

    /** The record for the result. */
    public CommandFailed toRecord() {
        return CommandFailed.newBuilder().setCode(code).setMessage(getMessage()).setServerCode(serverCode)
                .setRetryable(retryable).build();
    }
}
