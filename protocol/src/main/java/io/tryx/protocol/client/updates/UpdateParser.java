package io.tryx.protocol.client.updates;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.chatstate.ChatStates;
import io.tryx.protocol.client.iq.IqCalls;
import io.tryx.protocol.client.privacy.DisappearingTimer;
import io.tryx.protocol.client.privacy.Privacy;
import io.tryx.protocol.client.privacy.PrivacyTokens;
import io.tryx.protocol.jid.Jid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the stanzas and notifications of the social surface into {@link UpdateEvent}s:
 * <ul>
 *   <li>{@code <presence from type="available|unavailable" last="epoch s|deny"?/>}</li>
 *   <li>{@code <chatstate from participant?><composing media?/>|<paused/></chatstate>}</li>
 *   <li>{@code <notification type="picture"><set|add jid id author/>|<delete jid author/></notification>}</li>
 *   <li>{@code <notification type="status"><set>text</set></notification>}</li>
 *   <li>{@code <notification type="privacy_token" sender_lid?><tokens><token type="trusted_contact" t>bytes</token>}</li>
 *   <li>{@code <notification type="account_sync">} with {@code <privacy><category/>}, {@code <blocklist dhash prev_dhash>
 *       <item jid pn_jid action/>} and {@code <disappearing_mode duration t/>}</li>
 * </ul>
 * Malformed input throws {@link ProtocolException}.
 */
final class UpdateParser {

    /** The notification types taken here. */
    static final Set<String> NOTIFICATIONS = Set.of("picture", "status", "privacy_token", "account_sync");
    /** The {@code account_sync} children understood here. */
    static final Set<String> ACCOUNT_SYNC = Set.of("privacy", "blocklist", "disappearing_mode");

    private UpdateParser() {
    }

    static UpdateEvent.PresenceChanged presence(Node presence) {
        Jid from = presence.attrs().jid("from").toNonAd();
        boolean available = !presence.attrs().optionalString("type").filter("unavailable"::equals).isPresent();
        Optional<String> last = presence.attrs().optionalString("last");
        boolean hidden = last.filter("deny"::equals).isPresent();
        Instant lastSeen = last.filter(l -> !l.equals("deny")).map(UpdateParser::epochSeconds).orElse(null);
        return new UpdateEvent.PresenceChanged(from, available, lastSeen, hidden);
    }

    static Optional<UpdateEvent.ChatStateChanged> chatState(Node chatState) {
        Jid from = chatState.attrs().jid("from").toNonAd();
        Jid sender = chatState.attrs().optionalJid("participant").map(Jid::toNonAd).orElse(from);
        return chatState.children().stream().findFirst().flatMap(ChatStates::parse)
                .map(state -> new UpdateEvent.ChatStateChanged(from, sender, state));
    }

    /** The events of a notification of one of {@link #NOTIFICATIONS}, storing privacy tokens in {@code tokens}. */
    static List<UpdateEvent> notification(Node notification, PrivacyTokens tokens) {
        Jid from = notification.attrs().jid("from").toNonAd();
        Instant at = Instant.ofEpochSecond(notification.attrs().optionalLong("t").orElse(0L));
        List<UpdateEvent> events = new ArrayList<>();
        switch (notification.attrs().string("type")) {
            case "picture" -> {
                for (Node change : notification.children()) {
                    if (List.of("set", "add", "delete").contains(change.tag())) {
                        Jid jid = change.attrs().optionalJid("jid").map(Jid::toNonAd).orElse(from);
                        String id = change.tag().equals("delete") ? null
                                : change.attrs().optionalString("id").orElseThrow(() -> missing("picture id"));
                        events.add(new UpdateEvent.PictureChanged(jid,
                                change.attrs().optionalJid("author").map(Jid::toNonAd).orElse(null), id, at));
                    }
                }
            }
            case "status" -> notification.child("set").ifPresent(set ->
                    events.add(new UpdateEvent.StatusTextChanged(from, IqCalls.text(set).orElse(""), at)));
            case "privacy_token" -> {
                Optional<Jid> senderLid = notification.attrs().optionalJid("sender_lid").map(Jid::toNonAd);
                for (Node token : notification.child("tokens").map(t -> t.children("token")).orElse(List.of())) {
                    if (!token.attrs().optionalString("type").filter("trusted_contact"::equals).isPresent()) {
                        continue;
                    }
                    byte[] value = token.contentBytes().orElseThrow(() -> missing("token bytes"));
                    Instant issued = Instant.ofEpochSecond(token.attrs().optionalLong("t").orElse(0L));
                    PrivacyTokens.Token held = new PrivacyTokens.Token(value, issued);
                    tokens.put(from, held);
                    senderLid.ifPresent(lid -> tokens.put(lid, held));
                    events.add(new UpdateEvent.PrivacyTokenReceived(from, issued));
                }
            }
            case "account_sync" -> {
                for (Node child : notification.children()) {
                    switch (child.tag()) {
                        case "privacy" -> events.add(new UpdateEvent.PrivacySettingsChanged(from, Privacy.parse(child), at));
                        case "blocklist" -> events.add(blocklist(from, child));
                        case "disappearing_mode" -> events.add(new UpdateEvent.DisappearingTimerChanged(from,
                                DisappearingTimer.fromWire(child.attrs().optionalLong("duration").orElse(0L),
                                        child.attrs().optionalLong("t").orElse(0L))));
                        default -> { } // devices, picture, ...: not ours
                    }
                }
            }
            default -> throw new ProtocolException(ProtocolException.Reason.UNSUPPORTED,
                    "not an update notification: " + notification.attrs().string("type"));
        }
        return events;
    }

    private static UpdateEvent.BlocklistChanged blocklist(Jid account, Node blocklist) {
        List<UpdateEvent.BlocklistChanged.Change> changes = new ArrayList<>();
        for (Node item : blocklist.children("item")) {
            String action = item.attrs().optionalString("action").orElseThrow(() -> missing("blocklist item action"));
            changes.add(new UpdateEvent.BlocklistChanged.Change(item.attrs().jid("jid").toNonAd(),
                    item.attrs().optionalJid("pn_jid").map(Jid::toNonAd).orElse(null), action.equals("block")));
        }
        return new UpdateEvent.BlocklistChanged(account, changes, blocklist.attrs().optionalString("dhash").orElse(null),
                blocklist.attrs().optionalString("prev_dhash").orElse(null));
    }

    private static Instant epochSeconds(String text) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "presence last is no time: " + text);
        }
    }

    private static ProtocolException missing(String what) {
        return new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "notification without " + what);
    }
}
