package io.tryx.bridge.commands;

import io.tryx.bridge.accounts.AccountException;
import io.tryx.bridge.media.MediaFetchException;
import io.tryx.commands.v1.ErrorCode;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.client.ConnectionClosedException;
import io.tryx.protocol.client.IqException;
import io.tryx.protocol.client.newsletter.NewsletterNotFoundException;
import io.tryx.protocol.client.IqTimeoutException;
import io.tryx.protocol.client.appstate.AppStateException;
import io.tryx.protocol.client.contacts.ProfilePictureHiddenException;
import io.tryx.protocol.client.iq.UserNotFoundException;
import io.tryx.protocol.client.profile.PictureRejectedException;
import io.tryx.protocol.client.media.MediaException;
import io.tryx.protocol.client.messaging.SendException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Maps whatever a command's work failed with to the typed {@link CommandFailure} its result reports. */
final class Failures {

    private Failures() {
    }

    static CommandFailure of(Throwable error) {
        Throwable e = unwrap(error);
        return switch (e) {
            case CommandFailure failure -> failure;
            case AccountException account -> switch (account.reason()) {
                case UNKNOWN_ACCOUNT -> new CommandFailure(ErrorCode.UNKNOWN_ACCOUNT, account.getMessage(), null, false);
                case NOT_CONNECTED -> new CommandFailure(ErrorCode.NOT_CONNECTED, account.getMessage(), null, true);
                case CONFLICT -> new CommandFailure(ErrorCode.CONFLICT, account.getMessage(), null, false);
                case PAIRING_FAILED -> new CommandFailure(ErrorCode.TIMEOUT, account.getMessage(), null, true);
            };
            case SendException send -> switch (send.reason()) {
                case SERVER_ERROR -> new CommandFailure(ErrorCode.SERVER_ERROR, send.getMessage(), send.code(), false);
                case TIMEOUT -> new CommandFailure(ErrorCode.TIMEOUT, send.getMessage(), null, true);
                case NOT_CONNECTED -> new CommandFailure(ErrorCode.NOT_CONNECTED, send.getMessage(), null, true);
                case NO_DEVICES -> new CommandFailure(ErrorCode.NOT_FOUND, send.getMessage(), null, false);
                case INVALID_RECIPIENT -> CommandFailure.invalid(send.getMessage());
                case PREPARATION_FAILED -> new CommandFailure(ErrorCode.SERVER_ERROR, send.getMessage(), null, true);
                case NOT_A_PARTICIPANT -> new CommandFailure(ErrorCode.NOT_AUTHORIZED, send.getMessage(), null, false);
                case UNKNOWN_TARGET -> new CommandFailure(ErrorCode.NOT_FOUND, send.getMessage(), null, false);
            };
            case MediaFetchException fetch -> new CommandFailure(ErrorCode.MEDIA_FAILED,
                    "fetching the media failed (" + fetch.reason() + "): " + fetch.getMessage(),
                    fetch.status() > 0 ? fetch.status() : null, fetch.retryable());
            case MediaException media -> new CommandFailure(ErrorCode.MEDIA_FAILED,
                    "uploading the media failed: " + media.getMessage(), media.status() > 0 ? media.status() : null,
                    media.reason() == MediaException.Reason.IO || media.reason() == MediaException.Reason.MEDIA_CONN
                            || media.status() >= 500);
            case UserNotFoundException notFound -> new CommandFailure(ErrorCode.NOT_FOUND, notFound.getMessage(),
                    notFound.code() > 0 ? notFound.code() : null, false);
            case ProfilePictureHiddenException hidden -> new CommandFailure(ErrorCode.NOT_AUTHORIZED, hidden.getMessage(),
                    hidden.code() > 0 ? hidden.code() : null, false);
            case PictureRejectedException rejected -> new CommandFailure(ErrorCode.INVALID_COMMAND, rejected.getMessage(),
                    rejected.code() > 0 ? rejected.code() : null, false);
            case AppStateException appState -> switch (appState.reason()) {
                case NO_SYNC_KEY -> new CommandFailure(ErrorCode.SERVER_ERROR,
                        "no app-state key from the phone yet: " + appState.getMessage(), null, true);
                case REJECTED -> new CommandFailure(ErrorCode.SERVER_ERROR, appState.getMessage(),
                        appState.code() > 0 ? appState.code() : null, false);
                default -> new CommandFailure(ErrorCode.SERVER_ERROR, appState.getMessage(), null, true);
            };
            case NewsletterNotFoundException notFound -> new CommandFailure(ErrorCode.NOT_FOUND, notFound.getMessage(),
                    notFound.code() > 0 ? notFound.code() : null, false);
            case IqException iq -> new CommandFailure(ErrorCode.SERVER_ERROR, iq.getMessage(), iq.code(), false);
            case IqTimeoutException timeout -> new CommandFailure(ErrorCode.TIMEOUT, timeout.getMessage(), null, true);
            case TimeoutException timeout -> new CommandFailure(ErrorCode.TIMEOUT,
                    "no outcome in time" + (timeout.getMessage() == null ? "" : ": " + timeout.getMessage()), null, true);
            case ConnectionClosedException closed -> new CommandFailure(ErrorCode.NOT_CONNECTED, closed.getMessage(), null, true);
            case ProtocolException protocol -> CommandFailure.invalid(protocol.getMessage());
            default -> new CommandFailure(ErrorCode.INTERNAL, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), null, false);
        };
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
