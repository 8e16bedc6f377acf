package io.tryx.protocol.client.blocking;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.iq.IqCalls;
import io.tryx.protocol.client.iq.UserNotFoundException;
import io.tryx.protocol.client.iq.Usync;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.LidMappingStore;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The account's blocklist, each method one {@code blocklist} IQ round trip: {@link #list()} ({@code get}),
 * {@link #block} and {@link #unblock} ({@code set <item action jid="lid" pn_jid?/>}, answered with the new list).
 * Blocked users' messages, calls, chat states and presence no longer reach the account, and they no longer see its
 * presence, "about" text or picture. A user is named by LID when it is known (the store, else one usync
 * {@code lid} query), as WhatsApp does, with its phone-number JID beside it. An unknown user fails with
 * {@link UserNotFoundException}. Thread-safe.
 */
public final class Blocking {

    private final IqCalls calls;
    private final Usync usync;
    private final LidMappingStore lids;

    public Blocking(IqCalls calls, Usync usync, LidMappingStore lids) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.usync = Objects.requireNonNull(usync, "usync");
        this.lids = Objects.requireNonNull(lids, "lids");
    }

    /** The current blocklist. */
    public CompletableFuture<Blocklist> list() {
        return calls.query("blocklist", "get").thenApply(Blocking::parse);
    }

    /** Blocks {@code user} (phone-number JID or LID); completes with the new list. */
    public CompletableFuture<Blocklist> block(Jid user) {
        return change(user, "block");
    }

    /** Unblocks {@code user}; completes with the new list. */
    public CompletableFuture<Blocklist> unblock(Jid user) {
        return change(user, "unblock");
    }

    private CompletableFuture<Blocklist> change(Jid user, String action) {
        Jid target = Objects.requireNonNull(user, "user").toNonAd();
        if (!target.isPhoneUser() && !target.isLid()) {
            throw new IllegalArgumentException("not a user JID: " + user);
        }
        return IqCalls.refine(addressed(target).thenCompose(item -> {
            Node.Builder node = Node.builder("item").attr("action", action).attr("jid", item.jid());
            if (item.phone() != null && action.equals("block")) {
                node.attr("pn_jid", item.phone());
            }
            return calls.query("blocklist", "set", node.build());
        }), iq -> iq.code() == 404 ? new UserNotFoundException(target, iq) : iq).thenApply(Blocking::parse);
    }

    /** The LID and phone-number JID to name {@code user} by (the LID from the store or usync, when there is one). */
    private CompletableFuture<BlockedUser> addressed(Jid user) {
        if (user.isLid()) {
            return CompletableFuture.completedFuture(new BlockedUser(user, lids.phoneForLid(user).orElse(null)));
        }
        Optional<Jid> known = lids.lidForPhone(user);
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(new BlockedUser(known.get(), user));
        }
        return usync.query("query", "interactive", List.of(Node.of("lid")), List.of(Usync.User.of(user))).thenApply(users -> {
            Optional<Jid> lid = users.stream().flatMap(u -> u.child("lid").stream())
                    .flatMap(l -> l.attrs().optionalJid("val").stream()).map(Jid::toNonAd).findFirst();
            lid.ifPresent(l -> lids.storeLidMapping(l, user));
            return lid.map(l -> new BlockedUser(l, user)).orElseGet(() -> new BlockedUser(user, null));
        });
    }

    /** Reads {@code <list dhash><item jid pn_jid?/>...</list>}. */
    static Blocklist parse(Node answer) {
        Node list = answer.child("list").orElseThrow(() ->
                new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "blocklist answer without list"));
        List<BlockedUser> users = list.children("item").stream().map(item -> new BlockedUser(item.attrs().jid("jid").toNonAd(),
                item.attrs().optionalJid("pn_jid").map(Jid::toNonAd).orElse(null))).toList();
        return new Blocklist(users, list.attrs().optionalString("dhash").orElse(null));
    }
}
