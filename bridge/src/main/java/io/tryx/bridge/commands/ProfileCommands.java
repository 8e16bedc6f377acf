package io.tryx.bridge.commands;

import io.tryx.bridge.accounts.AccountHost;
import io.tryx.bridge.media.FetchedFile;
import io.tryx.bridge.media.MediaFetchException;
import io.tryx.bridge.media.UrlFetcher;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.profile.RemoveProfilePicture;
import io.tryx.commands.v1.profile.SetProfilePicture;
import io.tryx.commands.v1.profile.SetPushName;
import io.tryx.commands.v1.profile.SetStatusText;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.contacts.PictureKind;
import io.tryx.protocol.jid.Jid;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static io.tryx.bridge.commands.AccountClients.checked;
import static io.tryx.bridge.commands.ContactCommands.payload;

/**
 * The {@code profile} namespace for the account itself: {@code SetPushName}, {@code SetStatusText} (at most 25 and
 * 139 characters, else {@code INVALID_COMMAND}), {@code SetProfilePicture} (the image fetched from its
 * {@code MediaUrl} by the {@link UrlFetcher}, cropped square and scaled by {@link ProfilePictures}, answered with the
 * new {@code ProfilePictureInfo}) and {@code RemoveProfilePicture}. A group {@code target} is {@code UNSUPPORTED}: the
 * protocol runtime sets only the account's own picture.
 */
final class ProfileCommands implements NamespaceHandler {

    private final AccountHost host;
    private final UrlFetcher fetcher;
    private final ExecutorService work;
    private final Duration deadline;

    /** {@code work} runs the fetches, each bounded by {@code deadline}. */
    ProfileCommands(AccountHost host, UrlFetcher fetcher, ExecutorService work, Duration deadline) {
        this.host = host;
        this.fetcher = fetcher;
        this.work = work;
        this.deadline = deadline;
    }

    @Override
    public Set<Class<?>> actions() {
        return Set.of(SetPushName.class, SetStatusText.class, SetProfilePicture.class, RemoveProfilePicture.class);
    }

    @Override
    public CompletableFuture<CommandSucceeded> handle(Command command) {
        WhatsAppClient client = AccountClients.connected(host, command.getAccount());
        Jid own = Jid.parse(command.getAccount()).toNonAd();
        return switch (command.getAction()) {
            case SetPushName name -> PresenceCommands.done(checked(() -> client.profile().setPushName(name.getName())));
            case SetStatusText text -> PresenceCommands.done(checked(() -> client.profile().setStatusText(text.getText())));
            case SetProfilePicture set -> {
                requireOwn(set.getTarget(), own);
                URI uri = MediaSender.location(set.getImage());
                yield fetch(uri).thenApply(ProfilePictures::square)
                        .thenCompose(jpeg -> checked(() -> client.profile().setPicture(jpeg)))
                        .thenCompose(id -> client.contacts().profilePicture(own, PictureKind.FULL))
                        .thenApply(picture -> payload(ContactCommands.pictureInfo(own, picture)));
            }
            case RemoveProfilePicture remove -> {
                requireOwn(remove.getTarget(), own);
                yield PresenceCommands.done(client.profile().removePicture());
            }
            default -> throw new IllegalArgumentException("not a profile action: " + command.getAction());
        };
    }

    private static void requireOwn(Optional<String> target, Jid own) {
        if (target.isEmpty()) {
            return;
        }
        Jid jid = AccountClients.chat(target.get());
        if (!jid.equals(own)) {
            throw CommandFailure.unsupported("setting the picture of " + jid
                    + " is not supported: the protocol runtime sets only the account's own picture");
        }
    }

    private CompletableFuture<byte[]> fetch(URI uri) {
        return CompletableFuture.supplyAsync(() -> {
            try (FetchedFile file = fetcher.fetch(uri)) {
                if (file.size() == 0) {
                    throw new MediaFetchException(MediaFetchException.Reason.EMPTY, 0,
                            "GET " + uri.getHost() + " delivered an empty file", null);
                }
                return Files.readAllBytes(file.file());
            } catch (MediaFetchException e) {
                throw new CompletionException(e);
            } catch (IOException e) {
                throw new CompletionException(new MediaFetchException(MediaFetchException.Reason.IO, 0,
                        "the fetched picture could not be read: " + e.getMessage(), e));
            }
        }, work).orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }
}
