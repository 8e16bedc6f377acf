package io.tryx.bridge.commands;

import io.tryx.bridge.accounts.AccountException;
import io.tryx.bridge.accounts.AccountHost;
import io.tryx.bridge.accounts.HostedAccount;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.jid.Jid;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What the social namespace handlers share: the connected client of a command's account, JID arguments checked into
 * {@code INVALID_COMMAND} failures, and runtime calls whose argument checks ({@link IllegalArgumentException}) become
 * {@code INVALID_COMMAND} too.
 */
final class AccountClients {

    private AccountClients() {
    }

    /** The account's client while it is connected; {@code UNKNOWN_ACCOUNT} or {@code NOT_CONNECTED} otherwise. */
    static WhatsAppClient connected(AccountHost host, String account) {
        HostedAccount hosted = host.find(account).orElseThrow(() -> new AccountException(
                AccountException.Reason.UNKNOWN_ACCOUNT, "the bridge does not host account " + account));
        return hosted.connectedClient().orElseThrow(() -> new AccountException(AccountException.Reason.NOT_CONNECTED,
                "account " + account + " is not connected (" + hosted.state() + ")"));
    }

    /** Runs {@code call}; an argument the runtime refuses at once becomes {@code INVALID_COMMAND}. */
    static <T> CompletableFuture<T> checked(Supplier<CompletableFuture<T>> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw CommandFailure.invalid(e.getMessage());
        }
    }

    /** A phone-number or LID user JID, device part dropped. */
    static Jid user(String text) {
        Jid jid = parse(text, "user");
        if (!(jid.isPhoneUser() || jid.isLid()) || jid.user().isEmpty()) {
            throw CommandFailure.invalid("not a user JID: " + text);
        }
        return jid.toNonAd();
    }

    /** At least one user JID, each as {@link #user}, duplicates dropped. */
    static List<Jid> users(List<String> texts) {
        if (texts.isEmpty()) {
            throw CommandFailure.invalid("at least one user is needed");
        }
        return texts.stream().map(AccountClients::user).distinct().toList();
    }

    /** A chat: a user (phone number or LID) or a group, device part dropped. */
    static Jid chat(String text) {
        Jid jid = parse(text, "chat");
        if (!(jid.isPhoneUser() || jid.isLid() || jid.isGroup()) || jid.user().isEmpty()) {
            throw CommandFailure.invalid("not a chat JID (a user or a group): " + text);
        }
        return jid.toNonAd();
    }

    private static Jid parse(String text, String what) {
        try {
            return Jid.parse(text);
        } catch (RuntimeException e) {
            throw CommandFailure.invalid("not a " + what + " JID: " + text);
        }
    }
}
