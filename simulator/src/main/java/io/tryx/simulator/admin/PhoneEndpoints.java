package io.tryx.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.phone.InvalidChoiceException;
import io.tryx.simulator.phone.MessageKinds;
import io.tryx.simulator.phone.MockPhones;
import io.tryx.simulator.phone.PhoneMessage;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * The mock phone's messaging endpoints:
 * <ul>
 *   <li>{@code POST /admin/accounts/{phone}/messages {"to","type",...}} -> 200 {@code {"id"}} ({@code {"id","sha256"}}
 *       for media: the SHA-256 of the plaintext): the phone encrypts the message (kinds and fields:
 *       {@link PhoneMessages}) for every device of {@code to} (for a vote, {@code to} defaults to {@code pollChat})
 *       and sends it through the routing; 400 {@code invalid-json} / {@code invalid-jid} / {@code invalid-type} /
 *       {@code invalid-text} / {@code invalid-field} / {@code not-own-message} / {@code invalid-option}, 404
 *       {@code unknown-account} / {@code unknown-recipient} / {@code unknown-target} (also an unknown poll), 502
 *       {@code send-failed}. With {@code "to":"status@broadcast"} the phone posts a text status
 *       ({@code {"text","audience":["<user jid>",...]}}) to the audience and its own companions</li>
 *   <li>{@code GET /admin/accounts/{phone}/inbox} -> 200 {@code [{"id","from","chat","type","text",...}]},
 *       the last messages the phone received and decrypted (see {@link io.tryx.simulator.phone.InboxEntry});
 *       404 {@code unknown-account}</li>
 * </ul>
 */
final class PhoneEndpoints {

    private static final Pattern MESSAGES = Pattern.compile("/admin/accounts/([^/]+)/messages");
    private static final Pattern INBOX = Pattern.compile("/admin/accounts/([^/]+)/inbox");

    private final AccountRegistry accounts;
    private final MockPhones phones;

    PhoneEndpoints(AccountRegistry accounts, MockPhones phones) {
        this.accounts = accounts;
        this.phones = phones;
    }

    /** The answer when the path is one of these endpoints. */
    Optional<AdminResponse> handle(String method, String path, byte[] body) {
        Matcher messages = MESSAGES.matcher(path);
        if (messages.matches()) {
            return Optional.of(method.equals("POST") ? send(messages.group(1), body) : methodNotAllowed());
        }
        Matcher inbox = INBOX.matcher(path);
        if (inbox.matches()) {
            return Optional.of(method.equals("GET") ? inbox(inbox.group(1)) : methodNotAllowed());
        }
        return Optional.empty();
    }

    private AdminResponse send(String phone, byte[] body) {
        Optional<Account> account = accounts.find(phone);
        if (account.isEmpty()) {
            return AdminResponse.error(404, "unknown-account", "no account " + phone);
        }
        JsonNode json;
        try {
            json = body.length == 0 ? null : AdminApi.JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            return AdminResponse.error(400, "invalid-json", "body must be a JSON object");
        }
        Jid to;
        try {
            // a vote goes to the poll's chat unless told otherwise
            String fallback = json.path("type").asText("").equals("vote") ? json.path("pollChat").asText("") : "";
            to = Jid.parse(json.path("to").asText(fallback));
        } catch (RuntimeException e) {
            return AdminResponse.error(400, "invalid-jid", "\"to\" must be a user JID");
        }
        if (to.isStatusBroadcast()) {
            return status(account.get(), json);
        }
        PhoneMessage message;
        try {
            message = PhoneMessages.parse(json);
        } catch (PhoneMessages.InvalidMessage e) {
            return AdminResponse.error(400, e.code(), e.getMessage());
        }
        try {
            return new AdminResponse(200, phones.sendMessage(account.get(), to, message));
        } catch (MessageKinds.TargetException e) {
            return e.unknown() ? AdminResponse.error(404, "unknown-target", e.getMessage())
                    : AdminResponse.error(400, "not-own-message", e.getMessage());
        } catch (InvalidChoiceException e) {
            return AdminResponse.error(400, "invalid-option", e.getMessage());
        } catch (IllegalArgumentException e) {
            return AdminResponse.error(404, "unknown-recipient", e.getMessage());
        } catch (RuntimeException e) {
            return AdminResponse.error(502, "send-failed", e.toString());
        }
    }

    /** A text status to {@code "audience"} (user JIDs). */
    private AdminResponse status(Account account, JsonNode json) {
        if (!json.path("type").asText("text").equals("text") || !json.path("text").isTextual()) {
            return AdminResponse.error(400, "invalid-text", "a status is {\"type\":\"text\",\"text\"}");
        }
        List<Jid> audience = new ArrayList<>();
        try {
            for (JsonNode member : json.path("audience")) {
                audience.add(Jid.parse(member.asText()));
            }
        } catch (RuntimeException e) {
            return AdminResponse.error(400, "invalid-jid", "\"audience\" must list user JIDs");
        }
        if (audience.isEmpty()) {
            return AdminResponse.error(400, "invalid-field", "\"audience\" must list at least one user");
        }
        try {
            return new AdminResponse(200, new MockPhones.Sent(phones.sendStatus(account, audience, json.path("text").asText()), null));
        } catch (IllegalArgumentException e) {
            return AdminResponse.error(404, "unknown-recipient", e.getMessage());
        } catch (RuntimeException e) {
            return AdminResponse.error(502, "send-failed", e.toString());
        }
    }

    private AdminResponse inbox(String phone) {
        return accounts.find(phone).map(a -> new AdminResponse(200, phones.phone(a).inbox()))
                .orElseGet(() -> AdminResponse.error(404, "unknown-account", "no account " + phone));
    }

    private static AdminResponse methodNotAllowed() {
        return AdminResponse.error(405, "method-not-allowed", "method not allowed");
    }
}
