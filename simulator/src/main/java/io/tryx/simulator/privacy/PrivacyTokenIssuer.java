package io.tryx.simulator.privacy;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.contacts.AccountNotifier;
import io.tryx.simulator.messaging.Directory;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Privacy tokens ({@code tctoken}): {@code iq xmlns="privacy" type="set" <tokens><token jid t
 * type="trusted_contact"/>...</tokens>} from an account issues each named user a fresh random token (the newest
 * per pair is kept) and sends that user's companions {@code <notification from=issuer sender_lid type="privacy_token">
 * <tokens><token type="trusted_contact" t>bytes</token></tokens></notification>}. Another token type, a missing
 * {@code jid} or {@code t}, or the issuer itself 400; an unknown user 404 (nothing issued then). Tokens are kept but
 * not checked where clients present them. Thread-safe.
 */
public final class PrivacyTokenIssuer {

    private static final int TOKEN_BYTES = 24;

    private final Directory directory;
    private final AccountNotifier notifier;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> issued = new ConcurrentHashMap<>();

    public PrivacyTokenIssuer(Directory directory, AccountNotifier notifier) {
        this.directory = directory;
        this.notifier = notifier;
    }

    /** Issues the tokens of {@code <tokens>} from {@code issuer}. */
    public void issue(Account issuer, Node tokens) {
        List<Grant> grants = new ArrayList<>();
        for (Node token : tokens.children("token")) {
            if (!token.attrs().optionalString("type").filter("trusted_contact"::equals).isPresent()) {
                throw new IqException(IqError.BAD_REQUEST, "token type must be trusted_contact");
            }
            long t = token.attrs().optionalLong("t").orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "token without t"));
            Jid jid;
            try {
                jid = token.attrs().jid("jid");
            } catch (RuntimeException e) {
                throw new IqException(IqError.BAD_REQUEST, "token without a valid jid");
            }
            Account recipient = directory.account(jid).orElseThrow(() -> new IqException(IqError.ITEM_NOT_FOUND, "no account " + jid));
            if (recipient == issuer) {
                throw new IqException(IqError.BAD_REQUEST, "no token for oneself");
            }
            grants.add(new Grant(recipient, t));
        }
        if (grants.isEmpty()) {
            throw new IqException(IqError.BAD_REQUEST, "no token");
        }
        for (Grant grant : grants) {
            byte[] value = new byte[TOKEN_BYTES];
            random.nextBytes(value);
            issued.put(issuer.phone() + ">" + grant.recipient().phone(), value);
            Node notification = notifier.notification(issuer.jid(), "privacy_token").attr("sender_lid", issuer.lid())
                    .children(Node.builder("tokens").children(Node.builder("token").attr("type", "trusted_contact")
                            .attr("t", grant.t()).bytes(value).build()).build()).build();
            notifier.toOwnDevices(grant.recipient(), 0, notification);
        }
    }

    /** The newest token {@code issuer} gave {@code recipient}, if any. */
    public Optional<byte[]> token(Account issuer, Account recipient) {
        return Optional.ofNullable(issued.get(issuer.phone() + ">" + recipient.phone())).map(byte[]::clone);
    }

    private record Grant(Account recipient, long t) {
    }
}
