package io.tryx.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.history.ChatHistory;
import io.tryx.simulator.history.GeneratedHistory;
import io.tryx.simulator.phone.MockPhones;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mock phone's chat history, which it hands every companion it links (history sync):
 * <ul>
 *   <li>{@code POST /admin/accounts/{phone}/history {"conversations":[{"jid","name"?,"messages":[{"id","fromMe",
 *       "text","timestamp"?,"participant"?}]}],"pushNames"?:{"jid":"name"}}} -> 200 {@code {"conversations",
 *       "messages"}} (what the phone now holds in all); seeds history before a companion links ({@code timestamp} in
 *       epoch seconds, now when absent; {@code participant} is a group message's author); 400 {@code invalid-json} /
 *       {@code invalid-jid} / {@code invalid-message}, 404 {@code unknown-account}. Nothing is stored unless the
 *       whole body is valid. Optional in the same body: {@code "generate":{"conversations","messages","textBytes"?}}
 *       adds generated chats ({@link GeneratedHistory}); {@code "chunkMessages":n} splits the initial bootstrap into
 *       chunks of about n messages; {@code "fault":"corrupt-blob"} stores the next sync's first blob with a flipped
 *       byte (400 {@code invalid-generate} / {@code invalid-fault} / {@code invalid-json} otherwise).</li>
 *   <li>{@code GET /admin/accounts/{phone}/history} -> 200 {@code {"conversations":[{"jid","name","messages"}],
 *       "pushNames"}}; 404 {@code unknown-account}</li>
 * </ul>
 */
final class HistoryEndpoints implements Endpoints {

    private static final Pattern HISTORY = Pattern.compile("/admin/accounts/([^/]+)/history");

    private final AccountRegistry accounts;
    private final MockPhones phones;

    HistoryEndpoints(AccountRegistry accounts, MockPhones phones) {
        this.accounts = accounts;
        this.phones = phones;
    }

    @Override
    public Optional<AdminResponse> handle(String method, String path, byte[] body) {
        Matcher history = HISTORY.matcher(path);
        if (!history.matches()) {
            return Optional.empty();
        }
        Optional<Account> account = accounts.find(history.group(1));
        if (!method.equals("POST") && !method.equals("GET")) {
            return Optional.of(Endpoints.methodNotAllowed(method, path));
        }
        if (account.isEmpty()) {
            return Optional.of(Endpoints.unknownAccount(history.group(1)));
        }
        ChatHistory chats = phones.phone(account.get()).history();
        if (method.equals("GET")) {
            return Optional.of(new AdminResponse(200, Map.of("conversations", chats.conversations(), "pushNames", chats.pushNames())));
        }
        return Optional.of(seed(chats, body));
    }

    private AdminResponse seed(ChatHistory chats, byte[] body) {
        Optional<JsonNode> json = Endpoints.object(body);
        if (json.isEmpty() || !json.get().path("conversations").isArray()
                && !(json.get().path("conversations").isMissingNode() && json.get().has("generate"))) {
            return AdminResponse.error(400, "invalid-json", "body must be {\"conversations\":[...]} (optional with \"generate\")");
        }
        long now = phones.clock().instant().getEpochSecond();
        List<ChatHistory.Message> messages = new ArrayList<>();
        List<String[]> names = new ArrayList<>();
        for (JsonNode conversation : json.get().path("conversations")) {
            Optional<String> chat = jid(conversation.path("jid").asText(""));
            if (chat.isEmpty()) {
                return AdminResponse.error(400, "invalid-jid", "conversation \"jid\" must be a user or group JID");
            }
            if (conversation.hasNonNull("name")) {
                names.add(new String[] {chat.get(), conversation.get("name").asText()});
            }
            for (JsonNode message : conversation.path("messages")) {
                String id = message.path("id").asText("");
                String text = message.path("text").asText("");
                JsonNode timestamp = message.path("timestamp");
                Optional<String> participant = message.hasNonNull("participant")
                        ? jid(message.get("participant").asText()) : Optional.empty();
                if (id.isEmpty() || text.isEmpty() || (!timestamp.isMissingNode() && !timestamp.canConvertToLong())
                        || (message.hasNonNull("participant") && participant.isEmpty())) {
                    return AdminResponse.error(400, "invalid-message",
                            "a message needs \"id\" and \"text\"; \"timestamp\" is epoch seconds, \"participant\" a JID");
                }
                messages.add(new ChatHistory.Message(chat.get(), id, message.path("fromMe").asBoolean(false),
                        participant.orElse(null), text, timestamp.isMissingNode() ? now : timestamp.asLong()));
            }
        }
        JsonNode generate = json.get().path("generate");
        Optional<GeneratedHistory> generated = Optional.empty();
        if (!generate.isMissingNode()) {
            generated = GeneratedHistory.of(generate.path("conversations").asInt(0), generate.path("messages").asInt(0),
                    generate.path("textBytes").asInt(GeneratedHistory.DEFAULT_TEXT_BYTES), now);
            if (generated.isEmpty()) {
                return AdminResponse.error(400, "invalid-generate", "generate needs \"conversations\" 1-"
                        + GeneratedHistory.MAX_CONVERSATIONS + ", \"messages\" 1-" + GeneratedHistory.MAX_MESSAGES
                        + " and \"textBytes\" 16-" + GeneratedHistory.MAX_TEXT_BYTES);
            }
        }
        JsonNode chunkMessages = json.get().path("chunkMessages");
        if (!chunkMessages.isMissingNode() && (!chunkMessages.canConvertToInt() || chunkMessages.asInt() < 0)) {
            return AdminResponse.error(400, "invalid-json", "\"chunkMessages\" is a count of messages (0: one chunk)");
        }
        String fault = json.get().path("fault").asText("");
        if (!fault.isEmpty() && !fault.equals("corrupt-blob")) {
            return AdminResponse.error(400, "invalid-fault", "the only history fault is \"corrupt-blob\"");
        }
        for (var entry : json.get().path("pushNames").properties()) {
            if (jid(entry.getKey()).isEmpty()) {
                return AdminResponse.error(400, "invalid-jid", "pushNames keys must be user JIDs");
            }
        }
        messages.forEach(chats::add);
        names.forEach(n -> chats.name(n[0], n[1]));
        generated.ifPresent(g -> g.addTo(chats));
        if (!chunkMessages.isMissingNode()) {
            chats.chunkMessages(chunkMessages.asInt());
        }
        if (!fault.isEmpty()) {
            chats.corruptNextSync();
        }
        json.get().path("pushNames").properties().forEach(e -> chats.pushName(e.getKey(), e.getValue().asText()));
        return new AdminResponse(200, Map.of("conversations", chats.conversations().size(), "messages", chats.messageCount()));
    }

    private static Optional<String> jid(String text) {
        try {
            Jid jid = Jid.parse(text);
            return jid.isPhoneUser() || jid.isLid() || jid.isGroup() ? Optional.of(jid.toNonAd().toString()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
