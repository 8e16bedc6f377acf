package io.tryx.simulator.appstate;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.appstate.MutationOperation;
import io.tryx.protocol.appstate.PatchEncoder.MutationRequest;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.SyncActionProto.SyncActionValue;

import java.util.List;
import java.util.Optional;

/**
 * Turns an admin request ({@code {"action","chat","value",...}}) into the app-state mutation the real phone
 * makes for that user action: the collection it lives in, the index as WhatsApp writes it, the
 * {@code SyncActionValue} (stamped with the time in milliseconds) and the action's version.
 * <ul>
 *   <li>{@code archive} (value: bool, default true): {@code regular_low ["archive", chat]}, version 3</li>
 *   <li>{@code pin}: {@code regular_low ["pin_v1", chat]}, version 5</li>
 *   <li>{@code markRead}: {@code regular_low ["markChatAsRead", chat]}, version 3</li>
 *   <li>{@code mute} (value: true = forever, false = unmute, a number = muted until that epoch millisecond):
 *       {@code regular_high ["mute", chat]}, version 2</li>
 *   <li>{@code star} (needs {@code messageId}, optional {@code fromMe}, {@code participant}):
 *       {@code regular_high ["star", chat, id, "1"|"0", participant|"0"]}, version 2</li>
 *   <li>{@code deleteChat}: {@code regular_high ["deleteChat", chat, "1"]}, version 6</li>
 *   <li>{@code contact} (value or {@code fullName}, optional {@code firstName}):
 *       {@code critical_unblock_low ["contact", chat]}, version 2</li>
 *   <li>{@code pushName} (value: the name, no chat): {@code critical_block ["setting_pushName"]}, version 1</li>
 *   <li>{@code labelEdit} (needs {@code labelId} and {@code name}, optional {@code color} (0), {@code deleted}
 *       (false), no chat): {@code regular ["label_edit", labelId]}, version 3</li>
 *   <li>{@code labelChat} (needs {@code labelId}; value: labeled, default true): {@code regular ["label_jid",
 *       labelId, chat]}, version 3</li>
 *   <li>{@code labelMessage} (needs {@code labelId}, {@code messageId}; value as above): {@code regular
 *       ["label_message", labelId, chat, messageId, "0", "0"]}, version 3</li>
 * </ul>
 * {@code "remove": true} makes it a REMOVE of that index; {@code "collection"} overrides the collection.
 */
public final class SyncActions {

    /** The actions {@link #build} knows. */
    public static final List<String> ACTIONS =
            List.of("archive", "pin", "markRead", "mute", "star", "deleteChat", "contact", "pushName", "labelEdit",
                    "labelChat", "labelMessage");

    private SyncActions() {
    }

    /** One mutation to make and where. */
    public record SyncAction(String collection, MutationRequest mutation) {
    }

    /** A request that names no known action or lacks what the action needs. */
    public static final class InvalidAction extends RuntimeException {
        private final String code;

        InvalidAction(String code, String message) {
            super(message);
            this.code = code;
        }

        /** {@code invalid-action}, {@code invalid-chat}, {@code invalid-value} or {@code invalid-collection}. */
        public String code() {
            return code;
        }
    }

    /** The mutation for {@code body} at {@code nowMillis}. */
    public static SyncAction build(JsonNode body, long nowMillis) {
        String action = body.path("action").asText("");
        JsonNode value = body.path("value");
        SyncActionValue.Builder sync = SyncActionValue.newBuilder().setTimestamp(nowMillis);
        SyncAction built = switch (action) {
            case "archive" -> chatAction(body, "regular_low", "archive", 3,
                    sync.setArchiveChatAction(SyncActionValue.ArchiveChatAction.newBuilder().setArchived(flag(value))));
            case "pin" -> chatAction(body, "regular_low", "pin_v1", 5,
                    sync.setPinAction(SyncActionValue.PinAction.newBuilder().setPinned(flag(value))));
            case "markRead" -> chatAction(body, "regular_low", "markChatAsRead", 3,
                    sync.setMarkChatAsReadAction(SyncActionValue.MarkChatAsReadAction.newBuilder().setRead(flag(value))));
            case "mute" -> chatAction(body, "regular_high", "mute", 2, sync.setMuteAction(mute(value)));
            case "deleteChat" -> new SyncAction("regular_high", request(body, List.of("deleteChat", chat(body), "1"), 6,
                    sync.setDeleteChatAction(SyncActionValue.DeleteChatAction.newBuilder()
                            .setMessageRange(SyncActionValue.SyncActionMessageRange.getDefaultInstance()))));
            case "star" -> new SyncAction("regular_high", request(body, List.of("star", chat(body), messageId(body),
                            body.path("fromMe").asBoolean(false) ? "1" : "0", body.path("participant").asText("0")), 2,
                    sync.setStarAction(SyncActionValue.StarAction.newBuilder().setStarred(flag(value)))));
            case "contact" -> chatAction(body, "critical_unblock_low", "contact", 2, sync.setContactAction(contact(body)));
            case "pushName" -> new SyncAction("critical_block", request(body, List.of("setting_pushName"), 1,
                    sync.setPushNameSetting(SyncActionValue.PushNameSetting.newBuilder().setName(text(value, "value")))));
            case "labelEdit" -> new SyncAction("regular", request(body, List.of("label_edit", labelId(body)), 3,
                    sync.setLabelEditAction(SyncActionValue.LabelEditAction.newBuilder()
                            .setName(text(body.path("name"), "name")).setColor(body.path("color").asInt(0))
                            .setDeleted(body.path("deleted").asBoolean(false)))));
            case "labelChat" -> new SyncAction("regular", request(body, List.of("label_jid", labelId(body), chat(body)), 3,
                    sync.setLabelAssociationAction(SyncActionValue.LabelAssociationAction.newBuilder().setLabeled(flag(value)))));
            case "labelMessage" -> new SyncAction("regular", request(body, List.of("label_message", labelId(body),
                            chat(body), messageId(body), "0", "0"), 3,
                    sync.setLabelAssociationAction(SyncActionValue.LabelAssociationAction.newBuilder().setLabeled(flag(value)))));
            default -> throw new InvalidAction("invalid-action", "\"action\" must be one of " + ACTIONS);
        };
        Optional<String> collection = Optional.ofNullable(body.get("collection")).map(JsonNode::asText);
        if (collection.isPresent() && !AppStateStore.isCollection(collection.get())) {
            throw new InvalidAction("invalid-collection", "unknown collection " + collection.get());
        }
        return collection.map(c -> new SyncAction(c, built.mutation())).orElse(built);
    }

    private static SyncAction chatAction(JsonNode body, String collection, String name, int version,
                                         SyncActionValue.Builder value) {
        return new SyncAction(collection, request(body, List.of(name, chat(body)), version, value));
    }

    private static MutationRequest request(JsonNode body, List<String> index, int version, SyncActionValue.Builder value) {
        MutationOperation operation = body.path("remove").asBoolean(false) ? MutationOperation.REMOVE : MutationOperation.SET;
        return new MutationRequest(operation, index, value.build(), version);
    }

    private static String chat(JsonNode body) {
        String chat = body.path("chat").asText("");
        try {
            Jid jid = Jid.parse(chat);
            if (jid.isPhoneUser() || jid.isLid() || jid.isGroup()) {
                return jid.toNonAd().toString();
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new InvalidAction("invalid-chat", "\"chat\" must be a user or group JID");
    }

    private static String labelId(JsonNode body) {
        String id = body.path("labelId").asText("");
        if (id.isEmpty()) {
            throw new InvalidAction("invalid-value", "label actions need \"labelId\"");
        }
        return id;
    }

    private static String messageId(JsonNode body) {
        String id = body.path("messageId").asText("");
        if (id.isEmpty()) {
            throw new InvalidAction("invalid-value", "star and labelMessage need \"messageId\"");
        }
        return id;
    }

    private static boolean flag(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return true;
        }
        if (!value.isBoolean()) {
            throw new InvalidAction("invalid-value", "\"value\" must be true or false");
        }
        return value.booleanValue();
    }

    private static SyncActionValue.MuteAction mute(JsonNode value) {
        if (value.isIntegralNumber()) {
            return SyncActionValue.MuteAction.newBuilder().setMuted(true).setMuteEndTimestamp(value.longValue()).build();
        }
        boolean muted = flag(value);
        SyncActionValue.MuteAction.Builder mute = SyncActionValue.MuteAction.newBuilder().setMuted(muted);
        return muted ? mute.setMuteEndTimestamp(-1).build() : mute.build();
    }

    private static SyncActionValue.ContactAction contact(JsonNode body) {
        String fullName = body.hasNonNull("fullName") ? body.get("fullName").asText() : text(body.path("value"), "value");
        SyncActionValue.ContactAction.Builder contact = SyncActionValue.ContactAction.newBuilder().setFullName(fullName);
        if (body.hasNonNull("firstName")) {
            contact.setFirstName(body.get("firstName").asText());
        }
        return contact.build();
    }

    private static String text(JsonNode value, String field) {
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new InvalidAction("invalid-value", "\"" + field + "\" must be a non-empty string");
        }
        return value.asText();
    }
}
