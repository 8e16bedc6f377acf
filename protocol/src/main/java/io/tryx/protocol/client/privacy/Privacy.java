package io.tryx.protocol.client.privacy;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.iq.IqCalls;
import io.tryx.protocol.client.iq.UserNotFoundException;
import io.tryx.protocol.client.iq.Usync;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.CredentialStore;
import io.tryx.protocol.store.DeviceCredentials;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The account's privacy, each method one IQ round trip: {@link #settings()} ({@code privacy get}), {@link #set}
 * and its named variants ({@code privacy set <category name value/>}), the disallowed lists
 * ({@code <privacy><list name value="contact_blacklist"/>} and {@code <category ...><user jid action/>}), the
 * default disappearing timer ({@code disappearing_mode set}; read through usync on the own JID) and privacy tokens
 * ({@code <tokens><token jid t type="trusted_contact"/>}). Changes reach the account's other devices, which report
 * them as {@link io.tryx.protocol.client.updates.UpdateEvent}s. A value a setting does not take throws at once.
 * Thread-safe.
 */
public final class Privacy {

    private final IqCalls calls;
    private final Usync usync;
    private final CredentialStore credentials;
    private final InstantSource clock;

    public Privacy(IqCalls calls, Usync usync, CredentialStore credentials, InstantSource clock) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.usync = Objects.requireNonNull(usync, "usync");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every privacy setting of the account. */
    public CompletableFuture<PrivacySettings> settings() {
        return calls.query("privacy", "get", Node.of("privacy")).thenApply(Privacy::categories);
    }

    /**
     * Sets one setting; completes with what the server reports as changed.
     *
     * @throws IllegalArgumentException at once when {@code category} does not take {@code value}
     */
    public CompletableFuture<PrivacySettings> set(PrivacyCategory category, PrivacyValue value) {
        return change(category, value, List.of());
    }

    public CompletableFuture<PrivacySettings> setLastSeen(PrivacyValue value) {
        return set(PrivacyCategory.LAST_SEEN, value);
    }

    public CompletableFuture<PrivacySettings> setOnline(PrivacyValue value) {
        return set(PrivacyCategory.ONLINE, value);
    }

    public CompletableFuture<PrivacySettings> setProfilePhoto(PrivacyValue value) {
        return set(PrivacyCategory.PROFILE_PHOTO, value);
    }

    public CompletableFuture<PrivacySettings> setStatus(PrivacyValue value) {
        return set(PrivacyCategory.STATUS, value);
    }

    /** Read receipts on (sent and received) or off. */
    public CompletableFuture<PrivacySettings> setReadReceipts(boolean on) {
        return set(PrivacyCategory.READ_RECEIPTS, on ? PrivacyValue.EVERYONE : PrivacyValue.NOBODY);
    }

    public CompletableFuture<PrivacySettings> setGroupsAdd(PrivacyValue value) {
        return set(PrivacyCategory.GROUPS_ADD, value);
    }

    public CompletableFuture<PrivacySettings> setCalls(PrivacyValue value) {
        return set(PrivacyCategory.CALLS, value);
    }

    /**
     * Sets {@code category} to "my contacts except..." and changes its disallowed list: {@code add} are excluded,
     * {@code remove} no longer. Fails with {@link UserNotFoundException} when a user has no account.
     *
     * @throws IllegalArgumentException at once when the setting has no disallowed list
     */
    public CompletableFuture<PrivacySettings> setContactsExcept(PrivacyCategory category, List<Jid> add, List<Jid> remove) {
        List<Node> users = new ArrayList<>();
        add.forEach(user -> users.add(user(user, "add")));
        remove.forEach(user -> users.add(user(user, "remove")));
        Jid named = add.size() + remove.size() == 1 ? (add.isEmpty() ? remove : add).getFirst().toNonAd() : null;
        return IqCalls.refine(change(category, PrivacyValue.CONTACTS_EXCEPT, users),
                iq -> iq.code() == 404 ? new UserNotFoundException(named, iq) : iq);
    }

    /**
     * The users excluded from {@code category} under "my contacts except...".
     *
     * @throws IllegalArgumentException at once when the setting has no disallowed list
     */
    public CompletableFuture<DisallowedList> disallowed(PrivacyCategory category) {
        requireList(category);
        Node list = Node.builder("list").attr("name", category.wire()).attr("value", PrivacyValue.CONTACTS_EXCEPT.wire()).build();
        return calls.query("privacy", "get", Node.builder("privacy").children(list).build()).thenApply(answer -> {
            Node listed = answer.child("privacy").flatMap(p -> p.child("list")).orElseThrow(() ->
                    new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "privacy answer without list"));
            List<Jid> users = listed.children("user").stream().map(u -> u.attrs().jid("jid").toNonAd()).toList();
            return new DisallowedList(category, users, listed.attrs().optionalString("dhash").orElse(null));
        });
    }

    /**
     * Sets the default disappearing-messages timer for new chats.
     *
     * @throws IllegalArgumentException at once for a timer WhatsApp does not offer ({@link DisappearingTimer#OFFERED})
     */
    public CompletableFuture<Void> setDefaultDisappearingTimer(Duration timer) {
        if (!DisappearingTimer.OFFERED.contains(timer)) {
            throw new IllegalArgumentException("WhatsApp offers " + DisappearingTimer.OFFERED + ", not " + timer);
        }
        Node mode = Node.builder("disappearing_mode").attr("duration", timer.toSeconds()).build();
        return calls.query("disappearing_mode", "set", mode).thenApply(answer -> null);
    }

    /** The account's default disappearing timer, as others read it (usync {@code disappearing_mode} on the own JID). */
    public CompletableFuture<DisappearingTimer> defaultDisappearingTimer() {
        Jid own = credentials.load().filter(DeviceCredentials::isPaired).map(c -> c.deviceJid().toNonAd())
                .orElseThrow(() -> new IllegalStateException("not linked"));
        return usync.query("query", "interactive", List.of(Node.of("disappearing_mode")), List.of(Usync.User.of(own)))
                .thenApply(users -> users.stream().flatMap(u -> u.child("disappearing_mode").stream()).findFirst()
                        .map(m -> DisappearingTimer.fromWire(m.attrs().optionalLong("duration").orElse(0L),
                                m.attrs().optionalLong("t").orElse(0L)))
                        .orElse(new DisappearingTimer(Duration.ZERO, null)));
    }

    /**
     * Issues a privacy token to {@code user} (a trusted contact): the server hands it to the user's devices
     * ({@code privacy_token} notification), which then carry it when they subscribe to our presence.
     */
    public CompletableFuture<Void> issueToken(Jid user) {
        Node token = Node.builder("token").attr("jid", user.toNonAd()).attr("t", clock.instant().getEpochSecond())
                .attr("type", "trusted_contact").build();
        return IqCalls.refine(calls.query("privacy", "set", Node.builder("tokens").children(token).build()),
                iq -> iq.code() == 404 ? new UserNotFoundException(user.toNonAd(), iq) : iq).thenApply(answer -> null);
    }

    private CompletableFuture<PrivacySettings> change(PrivacyCategory category, PrivacyValue value, List<Node> users) {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(value, "value");
        if (!category.accepts(value)) {
            throw new IllegalArgumentException(category + " does not take " + value);
        }
        Node set = Node.builder("category").attr("name", category.wire()).attr("value", value.wire()).children(users).build();
        return calls.query("privacy", "set", Node.builder("privacy").children(set).build()).thenApply(Privacy::categories);
    }

    private static Node user(Jid user, String action) {
        return Node.builder("user").attr("jid", user.toNonAd()).attr("action", action).build();
    }

    private static void requireList(PrivacyCategory category) {
        if (!Objects.requireNonNull(category, "category").hasDisallowedList()) {
            throw new IllegalArgumentException(category + " has no disallowed list");
        }
    }

    /** The {@code <category name value/>}s under the answer's {@code <privacy>}. */
    static PrivacySettings categories(Node answer) {
        return parse(answer.child("privacy").orElse(answer));
    }

    /** Reads {@code <privacy><category name value/>...</privacy>} (answers and change notifications). */
    public static PrivacySettings parse(Node privacy) {
        Map<String, String> wire = new LinkedHashMap<>();
        for (Node category : privacy.children("category")) {
            category.attrs().optionalString("name").ifPresent(name ->
                    wire.put(name, category.attrs().optionalString("value").orElse("")));
        }
        return PrivacySettings.fromWire(wire);
    }
}
