package io.tryx.simulator.privacy;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.contacts.AccountNotifier;
import io.tryx.simulator.messaging.Directory;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;
import io.tryx.simulator.router.IqHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code iq xmlns="privacy"}: {@code get <privacy/>} answers {@code <privacy><category name value/>...</privacy>}
 * with every {@link PrivacyCategory}; {@code set <privacy><category name value><user jid action="add|remove"/>...
 * </category>...</privacy>} changes them (the users are the exclusions of {@code contact_blacklist}). An unknown
 * category or a value it does not take answers 400 and changes nothing. The account's other companions get
 * {@code <notification type="account_sync"><privacy><category name value/>...</privacy></notification>}.
 * {@code get <privacy><list name value="contact_blacklist"/></privacy>} answers the category's excluded contacts as
 * {@code <privacy><list name value dhash><user jid/>...</list></privacy>} (400 for a category without such a list);
 * {@code set <tokens>} issues privacy tokens ({@link PrivacyTokenIssuer}).
 */
public final class PrivacyHandler implements IqHandler {

    private final Privacy privacy;
    private final Directory directory;
    private final AccountNotifier notifier;
    private final PrivacyTokenIssuer tokens;

    public PrivacyHandler(Privacy privacy, Directory directory, AccountNotifier notifier) {
        this.privacy = privacy;
        this.directory = directory;
        this.notifier = notifier;
        this.tokens = new PrivacyTokenIssuer(directory, notifier);
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        LinkedDevice device = connection.device();
        if (device == null) {
            throw new IqException(IqError.NOT_AUTHORIZED, "not logged in");
        }
        boolean get = iq.attrs().string("type").equals("get");
        Optional<Node> tokens = iq.child("tokens");
        if (!get && tokens.isPresent()) {
            this.tokens.issue(device.account(), tokens.get());
            return Optional.of(List.of());
        }
        Node body = iq.child("privacy").orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "no <privacy>"));
        if (get) {
            Optional<Node> list = body.child("list");
            return Optional.of(List.of(list.isPresent() ? disallowed(device.account(), list.get())
                    : categories(privacy.settings(device.account()).all())));
        }
        return Optional.of(List.of(change(device.account(), device.deviceId(), body)));
    }

    /**
     * Applies the categories of a {@code <privacy>} set made by device {@code byDevice} of {@code account} (0: its
     * phone) and tells the other companions; returns {@code <privacy>} with the changed categories.
     */
    public Node change(Account account, int byDevice, Node body) {
        Node changed = Node.builder("privacy").children(set(account, body)).build();
        notifier.accountSync(account, byDevice, changed);
        return changed;
    }

    /** {@code <privacy><list name value dhash><user jid/>...</list></privacy>}: a category's excluded contacts. */
    private Node disallowed(Account account, Node list) {
        String name = list.attrs().optionalString("name").orElse("");
        PrivacyCategory category = PrivacyCategory.byName(name)
                .filter(c -> c.accepts("contact_blacklist"))
                .orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "no disallowed list for " + name));
        List<Node> users = new ArrayList<>();
        List<String> phones = privacy.settings(account).excluded(category);
        for (String phone : phones) {
            directory.account(Jid.parse(phone + "@s.whatsapp.net"))
                    .ifPresent(a -> users.add(Node.builder("user").attr("jid", a.jid()).build()));
        }
        return Node.builder("privacy").children(Node.builder("list").attr("name", name).attr("value", "contact_blacklist")
                .attr("dhash", Integer.toHexString(phones.hashCode())).children(users).build()).build();
    }

    private List<Node> set(Account account, Node body) {
        List<Change> changes = new ArrayList<>();
        for (Node category : body.children("category")) {
            String name = category.attrs().optionalString("name").orElse("");
            String value = category.attrs().optionalString("value").orElse("");
            PrivacyCategory parsed = PrivacyCategory.byName(name)
                    .orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "unknown privacy category " + name));
            if (!parsed.accepts(value)) {
                throw new IqException(IqError.BAD_REQUEST, name + " does not take " + value);
            }
            List<Exclusion> exclusions = new ArrayList<>();
            for (Node user : category.children("user")) {
                exclusions.add(exclusion(user));
            }
            changes.add(new Change(parsed, value, exclusions));
        }
        if (changes.isEmpty()) {
            throw new IqException(IqError.BAD_REQUEST, "no category");
        }
        PrivacySettings settings = privacy.settings(account);
        List<Node> changed = new ArrayList<>();
        for (Change change : changes) {
            settings.set(change.category(), change.value());
            change.exclusions().forEach(e -> settings.exclude(change.category(), e.account().phone(), e.add()));
            changed.add(category(change.category().wireName(), change.value()));
        }
        return changed;
    }

    private Exclusion exclusion(Node user) {
        String action = user.attrs().optionalString("action").orElse("add");
        if (!action.equals("add") && !action.equals("remove")) {
            throw new IqException(IqError.BAD_REQUEST, "user action must be add or remove");
        }
        Jid jid;
        try {
            jid = user.attrs().jid("jid");
        } catch (RuntimeException e) {
            throw new IqException(IqError.BAD_REQUEST, "user without a valid jid");
        }
        Account account = directory.account(jid)
                .orElseThrow(() -> new IqException(IqError.ITEM_NOT_FOUND, "no account " + jid));
        return new Exclusion(account, action.equals("add"));
    }

    /** {@code <privacy>} with one {@code category} per entry. */
    public static Node categories(Map<String, String> values) {
        List<Node> children = new ArrayList<>();
        values.forEach((name, value) -> children.add(category(name, value)));
        return Node.builder("privacy").children(children).build();
    }

    private static Node category(String name, String value) {
        return Node.builder("category").attr("name", name).attr("value", value).build();
    }

    private record Change(PrivacyCategory category, String value, List<Exclusion> exclusions) {
    }

    private record Exclusion(Account account, boolean add) {
    }
}
