package io.tryx.simulator.privacy;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.contacts.AccountNotifier;
import io.tryx.simulator.messaging.Directory;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;
import io.tryx.simulator.router.IqHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code iq xmlns="blocklist"}: {@code get} answers {@code <list dhash><item jid="lid" pn_jid="phone"/>...</list>};
 * {@code set <item action="block|unblock" jid="lid or phone" pn_jid?/>} changes the list and answers the new
 * {@code <list>}. A bad action or JID, or blocking oneself, answers 400; an unknown user 404. The account's other
 * companions get {@code <notification type="account_sync"><blocklist dhash prev_dhash action><item jid action/>
 * </blocklist></notification>}.
 */
public final class BlocklistHandler implements IqHandler {

    private final Blocklist blocklist;
    private final Directory directory;
    private final AccountRegistry accounts;
    private final AccountNotifier notifier;

    public BlocklistHandler(Blocklist blocklist, Directory directory, AccountRegistry accounts, AccountNotifier notifier) {
        this.blocklist = blocklist;
        this.directory = directory;
        this.accounts = accounts;
        this.notifier = notifier;
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        LinkedDevice device = connection.device();
        if (device == null) {
            throw new IqException(IqError.NOT_AUTHORIZED, "not logged in");
        }
        if (iq.attrs().string("type").equals("get")) {
            return Optional.of(List.of(list(device.account())));
        }
        Node item = iq.child("item").orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "no <item>"));
        String action = item.attrs().optionalString("action").orElse("");
        Jid jid;
        try {
            jid = item.attrs().jid("jid");
        } catch (RuntimeException e) {
            throw new IqException(IqError.BAD_REQUEST, "item without a valid jid");
        }
        if (!action.equals("block") && !action.equals("unblock")) {
            throw new IqException(IqError.BAD_REQUEST, "action must be block or unblock");
        }
        Account target = directory.account(jid).orElseThrow(() -> new IqException(IqError.ITEM_NOT_FOUND, "no account " + jid));
        change(device.account(), device.deviceId(), target, action.equals("block"));
        return Optional.of(List.of(list(device.account())));
    }

    /**
     * {@code owner} (by device {@code byDevice}, 0 its phone) blocks or unblocks {@code target} and tells its other
     * companions; false when nothing changed.
     *
     * @throws IqException 400 when {@code target} is {@code owner}
     */
    public boolean change(Account owner, int byDevice, Account target, boolean block) {
        if (owner == target) {
            throw new IqException(IqError.BAD_REQUEST, "cannot block oneself");
        }
        String previous = blocklist.hash(owner);
        boolean changed = block ? blocklist.block(owner, target) : blocklist.unblock(owner, target);
        if (changed) {
            String action = block ? "block" : "unblock";
            notifier.accountSync(owner, byDevice, Node.builder("blocklist")
                    .attr("dhash", blocklist.hash(owner)).attr("prev_dhash", previous).attr("action", "modify")
                    .children(Node.builder("item").attr("jid", target.lid()).attr("pn_jid", target.jid())
                            .attr("action", action).build()).build());
        }
        return changed;
    }

    /** {@code <list dhash><item jid pn_jid/>...</list>} of {@code owner}'s blocked accounts. */
    public Node list(Account owner) {
        List<Node> items = new ArrayList<>();
        for (String phone : blocklist.blockedBy(owner)) {
            accounts.find(phone).ifPresent(a -> items.add(
                    Node.builder("item").attr("jid", a.lid()).attr("pn_jid", a.jid()).build()));
        }
        return Node.builder("list").attr("dhash", blocklist.hash(owner)).children(items).build();
    }
}
