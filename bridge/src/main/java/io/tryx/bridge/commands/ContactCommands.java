package io.tryx.bridge.commands;

import io.tryx.bridge.accounts.AccountHost;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.OnWhatsAppResult;
import io.tryx.commands.v1.OnWhatsAppResults;
import io.tryx.commands.v1.ProfilePictureInfo;
import io.tryx.commands.v1.UserInfoResults;
import io.tryx.commands.v1.contacts.CheckOnWhatsApp;
import io.tryx.commands.v1.contacts.GetProfilePicture;
import io.tryx.commands.v1.contacts.GetUserInfo;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.contacts.PhoneLookup;
import io.tryx.protocol.client.contacts.PictureKind;
import io.tryx.protocol.client.contacts.ProfilePicture;
import io.tryx.protocol.client.contacts.ProfilePictureHiddenException;
import io.tryx.protocol.client.contacts.UserInfo;
import io.tryx.protocol.jid.Jid;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static io.tryx.bridge.commands.AccountClients.chat;
import static io.tryx.bridge.commands.AccountClients.checked;
import static io.tryx.bridge.commands.AccountClients.users;

/**
 * The {@code contacts} namespace, one usync or picture query each: {@code CheckOnWhatsApp} answers
 * {@code OnWhatsAppResults} (one per number, in order), {@code GetProfilePicture} a {@code ProfilePictureInfo}
 * (without URL when there is no picture or the owner's privacy hides it), {@code GetUserInfo}
 * {@code UserInfoResults} (about text, picture id, devices, LID of each user the server knew).
 */
final class ContactCommands implements NamespaceHandler {

    private final AccountHost host;

    ContactCommands(AccountHost host) {
        this.host = host;
    }

    @Override
    public Set<Class<?>> actions() {
        return Set.of(CheckOnWhatsApp.class, GetProfilePicture.class, GetUserInfo.class);
    }

    @Override
    public CompletableFuture<CommandSucceeded> handle(Command command) {
        WhatsAppClient client = AccountClients.connected(host, command.getAccount());
        return switch (command.getAction()) {
            case CheckOnWhatsApp check -> {
                if (check.getPhoneNumbers().isEmpty()) {
                    throw CommandFailure.invalid("CheckOnWhatsApp needs at least one phone number");
                }
                yield checked(() -> client.contacts().isOnWhatsApp(check.getPhoneNumbers()))
                        .thenApply(ContactCommands::lookups);
            }
            case GetProfilePicture get -> {
                Jid target = chat(get.getJid());
                yield client.contacts().profilePicture(target, get.getPreview() ? PictureKind.PREVIEW : PictureKind.FULL)
                        .exceptionally(error -> hiddenAsNone(error))
                        .thenApply(picture -> payload(pictureInfo(target, picture)));
            }
            case GetUserInfo get -> client.contacts().userInfo(users(get.getUsers()))
                    .thenApply(found -> payload(UserInfoResults.newBuilder()
                            .setUsers(found.values().stream().map(ContactCommands::userInfo).toList()).build()));
            default -> throw new IllegalArgumentException("not a contacts action: " + command.getAction());
        };
    }

    /** A picture hidden by its owner's privacy reads as no picture (the contract: URL null when hidden from us). */
    private static Optional<ProfilePicture> hiddenAsNone(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ProfilePictureHiddenException) {
            return Optional.empty();
        }
        throw error instanceof CompletionException c ? c : new CompletionException(cause);
    }

    static ProfilePictureInfo pictureInfo(Jid target, Optional<ProfilePicture> picture) {
        return ProfilePictureInfo.newBuilder().setJid(target.toString())
                .setUrl(picture.map(p -> p.url().toString()).orElse(null))
                .setPictureId(picture.map(ProfilePicture::id).orElse(null))
                .setDirectPath(picture.map(ProfilePicture::directPath).orElse(null))
                .build();
    }

    private static CommandSucceeded lookups(List<PhoneLookup> lookups) {
        return payload(OnWhatsAppResults.newBuilder().setResults(lookups.stream().map(lookup -> OnWhatsAppResult.newBuilder()
                .setQuery(lookup.phone())
                .setOnWhatsApp(lookup.registered())
                .setJid(lookup.registered() ? lookup.jid().toString() : null)
                .setLid(lookup.lid() == null ? null : lookup.lid().toString())
                .build()).toList()).build());
    }

    private static io.tryx.commands.v1.UserInfo userInfo(UserInfo info) {
        return io.tryx.commands.v1.UserInfo.newBuilder()
                .setJid(info.jid().toString())
                .setAbout(info.about())
                .setPictureId(info.pictureId())
                .setDevices(info.devices().stream().map(Jid::toString).toList())
                .setLid(info.lid() == null ? null : info.lid().toString())
                .build();
    }

    static CommandSucceeded payload(Object payload) {
        return CommandSucceeded.newBuilder().setPayload(payload).build();
    }
}
