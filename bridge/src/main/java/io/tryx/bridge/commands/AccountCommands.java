package io.tryx.bridge.commands;

import io.tryx.bridge.accounts.AccountHost;
import io.tryx.bridge.accounts.PairingMode;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.account.AddAccount;
import io.tryx.commands.v1.account.LogOut;
import io.tryx.commands.v1.account.RemoveAccount;
import io.tryx.protocol.jid.Jid;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code account} namespace: {@code AddAccount} starts pairing (its result comes once the first QR code or the
 * pair code was issued; they flow as connection events), {@code LogOut} unlinks the device and wipes its keys,
 * {@code RemoveAccount} logs out when connected and deletes the account.
 */
final class AccountCommands implements NamespaceHandler {

    private final AccountHost host;

    AccountCommands(AccountHost host) {
        this.host = host;
    }

    @Override
    public Set<Class<?>> actions() {
        return Set.of(AddAccount.class, LogOut.class, RemoveAccount.class);
    }

    @Override
    public CompletableFuture<CommandSucceeded> handle(Command command) {
        CompletableFuture<Void> done = switch (command.getAction()) {
            case AddAccount add -> add(command, add);
            case LogOut ignored -> host.logOut(command.getAccount());
            case RemoveAccount ignored -> host.remove(command.getAccount());
            default -> throw new IllegalArgumentException("not an account action: " + command.getAction());
        };
        return done.thenApply(ok -> CommandSucceeded.newBuilder().build());
    }

    private CompletableFuture<Void> add(Command command, AddAccount add) {
        PairingMode mode = switch (add.getMode()) {
            case QR -> PairingMode.QR;
            case PAIR_CODE -> PairingMode.PAIR_CODE;
            case UNKNOWN -> throw CommandFailure.invalid("AddAccount needs a pairing mode, QR or PAIR_CODE");
        };
        if (add.getDeviceName().isPresent()) {
            throw CommandFailure.unsupported("deviceName cannot be set yet: the protocol runtime announces a fixed "
                    + "device name; send AddAccount without it");
        }
        Jid jid = Jid.parse(command.getAccount());
        if (!jid.isPhoneUser() || jid.isAd() || jid.user().isEmpty()) {
            throw CommandFailure.invalid("AddAccount needs the account's phone-number JID (<digits>@s.whatsapp.net), not "
                    + command.getAccount());
        }
        return host.add(jid, mode);
    }
}
