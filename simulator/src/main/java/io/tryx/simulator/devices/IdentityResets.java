package io.tryx.simulator.devices;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.admin.AdminEndpoints;
import io.tryx.simulator.contacts.AccountNotifier;
import io.tryx.simulator.contacts.Contacts;
import io.tryx.simulator.phone.MockPhones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Base64;
import java.util.List;

/**
 * Re-registers an account's mock phone with a new Signal identity (as when the user reinstalls WhatsApp): fresh
 * identity, signed prekey and one-time prekeys, no sessions; then the account's companions and its peers (see
 * {@link Contacts}) get {@code <notification from="phone@s.whatsapp.net" lid="digits@lid" type="encrypt" id t>
 * <identity/></notification>}, on which clients drop their sessions with the user (whatsmeow's
 * {@code handleEncryptNotification}, Baileys' {@code handleIdentityChange}) and build new ones from the new bundle;
 * the peers' mock phones forget their sessions with it too.
 */
public final class IdentityResets {

    private static final Logger log = LoggerFactory.getLogger(IdentityResets.class);

    private final MockPhones phones;
    private final Contacts contacts;
    private final AccountNotifier notifier;

    public IdentityResets(MockPhones phones, Contacts contacts, AccountNotifier notifier) {
        this.phones = phones;
        this.contacts = contacts;
        this.notifier = notifier;
    }

    /** The admin endpoint {@code POST /admin/accounts/{phone}/reset-identity} (see {@link IdentityEndpoints}). */
    public AdminEndpoints adminEndpoints(AccountRegistry accounts) {
        return new IdentityEndpoints(accounts, this);
    }

    /** Gives {@code account}'s phone a new identity and tells everyone concerned; returns the new public key (base64). */
    public String reset(Account account) {
        account.resetPhoneKeys();
        phones.phone(account).resetIdentity();
        Node notification = notifier.notification(account.jid(), "encrypt").attr("lid", account.lid())
                .children(Node.of("identity")).build();
        List<Account> peers = contacts.peersOf(account);
        log.info("identity of {} reset: notifying its companions and {} peers", account.phone(), peers.size());
        notifier.toOwnDevices(account, 0, notification);
        notifier.toAccounts(peers, notification);
        peers.forEach(peer -> phones.phone(peer).forgetPhoneSession(account));
        return Base64.getEncoder().encodeToString(account.phoneKeys().identity().publicKey().publicKey());
    }
}
