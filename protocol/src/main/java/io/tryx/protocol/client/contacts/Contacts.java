package io.tryx.protocol.client.contacts;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.IqException;
import io.tryx.protocol.client.iq.IqCalls;
import io.tryx.protocol.client.iq.Usync;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.jid.JidServer;
import io.tryx.protocol.store.LidMappingStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The account's view of other users, each method one IQ round trip: {@link #isOnWhatsApp} (usync {@code contact}
 * and {@code lid} by phone number), {@link #userInfo} (usync {@code status}, {@code picture}, {@code devices},
 * {@code lid}) and {@link #profilePicture} ({@code w:profile:picture get}). LIDs learned on the way are stored in
 * the account's {@link LidMappingStore}. Refusals fail the future with the server's
 * {@link io.tryx.protocol.client.IqException} or a refinement of it. Thread-safe.
 */
public final class Contacts {

    private final IqCalls calls;
    private final Usync usync;
    private final LidMappingStore lids;

    public Contacts(IqCalls calls, Usync usync, LidMappingStore lids) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.usync = Objects.requireNonNull(usync, "usync");
        this.lids = Objects.requireNonNull(lids, "lids");
    }

    /**
     * Which of {@code phones} (international numbers, {@code +} and separators allowed) have a WhatsApp account;
     * one answer per number, in the order asked.
     *
     * @throws IllegalArgumentException at once for a text without digits
     */
    public CompletableFuture<List<PhoneLookup>> isOnWhatsApp(List<String> phones) {
        List<String> digits = phones.stream().map(ContactNodes::digits).toList();
        List<Usync.User> users = digits.stream().map(d -> Usync.User.byPhone("+" + d)).toList();
        return usync.query("query", "interactive", List.of(Node.of("contact"), Node.of("lid")), users).thenApply(answer -> {
            Map<String, Node> byDigits = new LinkedHashMap<>();
            for (Node user : answer) {
                String key = ContactNodes.contactQuery(user)
                        .orElseGet(() -> user.attrs().optionalJid("jid").map(Jid::user).orElse(""));
                byDigits.putIfAbsent(key, user);
            }
            List<PhoneLookup> out = new ArrayList<>();
            for (int i = 0; i < digits.size(); i++) {
                String number = digits.get(i);
                Node user = byDigits.get(number);
                Jid jid = user == null ? Jid.user(number, JidServer.USER)
                        : user.attrs().optionalJid("jid").map(Jid::toNonAd).orElse(Jid.user(number, JidServer.USER));
                boolean in = user != null && ContactNodes.registered(user);
                Jid lid = user == null ? null : ContactNodes.lid(user).orElse(null);
                if (in && lid != null && jid.isPhoneUser()) {
                    lids.storeLidMapping(lid, jid);
                }
                out.add(new PhoneLookup(phones.get(i), jid, in, lid));
            }
            return out;
        });
    }

    /** One user's info; see {@link #userInfo(List)}. */
    public CompletableFuture<UserInfo> userInfo(Jid user) {
        Jid asked = user.toNonAd();
        return userInfo(List.of(asked)).thenApply(map -> Optional.ofNullable(map.get(asked))
                .orElseGet(() -> new UserInfo(asked, null, null, null, false, null, List.of())));
    }

    /** The "about" text, picture id, devices and LID of each user (phone-number JIDs or LIDs), by JID. */
    public CompletableFuture<Map<Jid, UserInfo>> userInfo(List<Jid> users) {
        List<Node> protocols = List.of(Node.of("status"), Node.of("picture"),
                Node.builder("devices").attr("version", "2").build(), Node.of("lid"));
        return usync.query("full", "background", protocols, users.stream().map(Usync.User::of).toList()).thenApply(answer -> {
            Map<Jid, UserInfo> out = new LinkedHashMap<>();
            for (Node user : answer) {
                UserInfo info = ContactNodes.userInfo(user);
                if (info.lid() != null && info.jid().isPhoneUser()) {
                    lids.storeLidMapping(info.lid(), info.jid());
                }
                out.put(info.jid(), info);
            }
            return out;
        });
    }

    /**
     * Where {@code user}'s (or a group's) profile picture is; empty when there is none (or no such account).
     * Fails with {@link ProfilePictureHiddenException} when the user's privacy hides it from this account.
     */
    public CompletableFuture<Optional<ProfilePicture>> profilePicture(Jid user, PictureKind kind) {
        Objects.requireNonNull(kind, "kind");
        Jid target = user.toNonAd();
        Node picture = Node.builder("picture").attr("type", kind.wire()).attr("query", "url").build();
        return calls.queryTarget("w:profile:picture", "get", target, picture)
                .thenApply(answer -> answer.child("picture").filter(p -> p.attrs().has("url")).map(ContactNodes::picture))
                .exceptionally(error -> {
                    Throwable cause = IqCalls.unwrap(error);
                    if (cause instanceof IqException iq) {
                        if (iq.code() == 404) {
                            return Optional.empty();
                        }
                        if (iq.code() == 401) {
                            throw new ProfilePictureHiddenException(target, iq);
                        }
                    }
                    throw error instanceof CompletionException c ? c : new CompletionException(cause);
                });
    }
}
