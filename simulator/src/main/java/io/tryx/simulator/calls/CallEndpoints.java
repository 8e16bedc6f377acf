package io.tryx.simulator.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.admin.AdminEndpoints;
import io.tryx.simulator.admin.AdminResponse;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The call admin endpoints:
 * <ul>
 *   <li>{@code POST /admin/accounts/{phone}/calls {"to":"<phone>","video":false,"group":"<jid>"?}}: the account's
 *       mock phone calls {@code to} -> 201 the call; 400 {@code invalid-json}/{@code invalid-call}, 404
 *       {@code unknown-account}/{@code unknown-callee}</li>
 *   <li>{@code GET /admin/calls/{callId}} -> 200 {@code {"callId","caller","callee","video","group","t","state":
 *       "ringing|rejected|terminated","rejectedBy","reason","offeredTo":[...],"acknowledgedBy":[...]}}; 404
 *       {@code unknown-call}</li>
 *   <li>{@code POST /admin/calls/{callId}/terminate {"reason"?}}: the caller hangs up (or the call times out with
 *       {@code "reason":"timeout"}) -> 200 the call; 404 {@code unknown-call}, 409 {@code call-ended}</li>
 * </ul>
 * Other methods answer 405.
 */
public final class CallEndpoints implements AdminEndpoints {

    private static final Pattern PLACE = Pattern.compile("/admin/accounts/([^/]+)/calls");
    private static final Pattern CALL = Pattern.compile("/admin/calls/([^/]+)(/terminate)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccountRegistry accounts;
    private final CallService calls;

    CallEndpoints(AccountRegistry accounts, CallService calls) {
        this.accounts = accounts;
        this.calls = calls;
    }

    @Override
    public Optional<AdminResponse> handle(String method, String path, byte[] body) {
        Matcher place = PLACE.matcher(path);
        if (place.matches()) {
            return Optional.of(method.equals("POST") ? place(place.group(1), body) : notAllowed(method, path));
        }
        Matcher call = CALL.matcher(path);
        if (!call.matches()) {
            return Optional.empty();
        }
        boolean terminate = call.group(2) != null;
        if (!method.equals(terminate ? "POST" : "GET")) {
            return Optional.of(notAllowed(method, path));
        }
        Optional<Call> found = calls.find(call.group(1));
        if (found.isEmpty()) {
            return Optional.of(AdminResponse.error(404, "unknown-call", "no call " + call.group(1)));
        }
        if (!terminate) {
            return Optional.of(new AdminResponse(200, found.get().view()));
        }
        if (found.get().state() != Call.State.RINGING) {
            return Optional.of(AdminResponse.error(409, "call-ended", "call " + call.group(1) + " is "
                    + found.get().state()));
        }
        String reason = json(body).map(j -> j.path("reason").asText(null)).orElse(null);
        return Optional.of(new AdminResponse(200, calls.terminate(call.group(1), reason).orElseThrow().view()));
    }

    private AdminResponse place(String phone, byte[] body) {
        Optional<Account> caller = accounts.find(phone);
        if (caller.isEmpty()) {
            return AdminResponse.error(404, "unknown-account", "no account " + phone);
        }
        Optional<JsonNode> json = json(body);
        if (json.isEmpty()) {
            return AdminResponse.error(400, "invalid-json", "body must be a JSON object");
        }
        String to = json.get().path("to").asText("");
        Optional<Account> callee = accounts.find(to.contains("@") ? to.substring(0, to.indexOf('@')) : to);
        if (callee.isEmpty()) {
            return AdminResponse.error(404, "unknown-callee", "no account " + to);
        }
        Jid group = null;
        if (json.get().hasNonNull("group")) {
            try {
                group = Jid.parse(json.get().get("group").asText());
            } catch (RuntimeException e) {
                return AdminResponse.error(400, "invalid-call", "group is not a JID: " + json.get().get("group"));
            }
            if (!group.isGroup()) {
                return AdminResponse.error(400, "invalid-call", "not a group JID: " + group);
            }
        }
        if (callee.get() == caller.get()) {
            return AdminResponse.error(400, "invalid-call", "an account cannot call itself");
        }
        Call call = calls.offer(caller.get(), callee.get(), json.get().path("video").asBoolean(false), group);
        return new AdminResponse(201, call.view());
    }

    private static Optional<JsonNode> json(byte[] body) {
        try {
            JsonNode json = body.length == 0 ? null : JSON.readTree(body);
            return Optional.ofNullable(json).filter(JsonNode::isObject);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static AdminResponse notAllowed(String method, String path) {
        return AdminResponse.error(405, "method-not-allowed", method + " " + path);
    }
}
