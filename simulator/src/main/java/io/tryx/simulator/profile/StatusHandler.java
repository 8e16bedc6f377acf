package io.tryx.simulator.profile;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.contacts.AccountNotifier;
import io.tryx.simulator.privacy.Privacy;
import io.tryx.simulator.privacy.PrivacyCategory;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;
import io.tryx.simulator.router.IqHandler;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code iq xmlns="status" type="set" <status>text</status>}: sets the account's "about" text (UTF-8, at most
 * {@value #MAX_LENGTH} characters, else 406; no {@code <status>} 400). Others read it through usync's {@code status}
 * protocol. The account's other companions and the peers allowed to see it (privacy {@code status}) get {@code
 * <notification from=user type="status"><set>text</set></notification>}.
 */
public final class StatusHandler implements IqHandler {

    /** The longest "about" text WhatsApp takes. */
    public static final int MAX_LENGTH = 139;

    private final Profiles profiles;
    private final Privacy privacy;
    private final AccountNotifier notifier;

    public StatusHandler(Profiles profiles, Privacy privacy, AccountNotifier notifier) {
        this.profiles = profiles;
        this.privacy = privacy;
        this.notifier = notifier;
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        LinkedDevice device = connection.device();
        if (device == null) {
            throw new IqException(IqError.NOT_AUTHORIZED, "not logged in");
        }
        if (!iq.attrs().string("type").equals("set")) {
            throw new IqException(IqError.BAD_REQUEST, "status texts are read through usync");
        }
        Node status = iq.child("status").orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "no <status>"));
        String text = status.contentBytes().map(b -> new String(b, StandardCharsets.UTF_8))
                .or(status::contentText).orElse("");
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw new IqException(IqError.NOT_ACCEPTABLE, "status text over " + MAX_LENGTH + " characters");
        }
        set(device.account(), device.deviceId(), text);
        return Optional.of(List.of());
    }

    /** Sets the text for {@code account} (by device {@code byDevice}, 0 its phone) and notifies. */
    public void set(Account account, int byDevice, String text) {
        profiles.status(account, new Profiles.Status(text, notifier.now()));
        Node notification = notifier.notification(account.jid(), "status")
                .children(Node.builder("set").bytes(text.getBytes(StandardCharsets.UTF_8)).build()).build();
        notifier.toOwnDevices(account, byDevice, notification);
        notifier.toAccounts(privacy.contacts().peersOf(account).stream()
                .filter(peer -> privacy.visible(account, PrivacyCategory.STATUS, peer)).toList(), notification);
    }
}
