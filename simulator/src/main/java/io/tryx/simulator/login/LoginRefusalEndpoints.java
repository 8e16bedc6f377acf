package io.tryx.simulator.login;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.admin.AdminEndpoints;
import io.tryx.simulator.admin.AdminResponse;
import io.tryx.simulator.connection.ChatConnection;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /admin/accounts/{phone}/login-failure {"reason", "code"?, "expireSeconds"?}}: from now on every login
 * of the account's devices is refused with {@code <failure reason>} (402 with the ban's {@code code} and
 * {@code expire}); its connected devices are dropped, so they meet it on their next login. 200
 * {@code {"phone","reason","disconnected"}}; 400 {@code invalid-json} / {@code invalid-reason}; 404
 * {@code unknown-account}. {@code DELETE} on the same path lets the account log in again: 200, or 404
 * {@code not-refused}.
 */
public final class LoginRefusalEndpoints implements AdminEndpoints {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("/admin/accounts/([0-9]+)/login-failure");

    private final LoginRefusals refusals;
    private final AccountRegistry accounts;
    private final DeviceSessions sessions;

    public LoginRefusalEndpoints(LoginRefusals refusals, AccountRegistry accounts, DeviceSessions sessions) {
        this.refusals = refusals;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @Override
    public Optional<AdminResponse> handle(String method, String path, byte[] body) {
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String phone = matcher.group(1);
        return Optional.of(switch (method) {
            case "POST" -> refuse(phone, body);
            case "DELETE" -> refusals.clear(phone) ? new AdminResponse(200, new Cleared(phone))
                    : AdminResponse.error(404, "not-refused", phone + " logs in normally");
            default -> AdminResponse.error(405, "method-not-allowed", method + " " + path);
        });
    }

    private AdminResponse refuse(String phone, byte[] body) {
        Optional<Account> account = accounts.find(phone);
        if (account.isEmpty()) {
            return AdminResponse.error(404, "unknown-account", "no account " + phone);
        }
        JsonNode json;
        try {
            json = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject() || !json.path("reason").isInt()) {
            return AdminResponse.error(400, "invalid-json", "body must be {\"reason\": 402|403|406|..., \"code\"?, \"expireSeconds\"?}");
        }
        LoginRefusals.Refusal refusal;
        try {
            refusal = new LoginRefusals.Refusal(json.get("reason").asInt(), json.path("code").asInt(0),
                    json.path("expireSeconds").asLong(0));
        } catch (IllegalArgumentException e) {
            return AdminResponse.error(400, "invalid-reason", e.getMessage());
        }
        refusals.refuse(phone, refusal);
        int dropped = 0;
        for (LinkedDevice device : account.get().devices()) {
            Optional<ChatConnection> connection = sessions.connection(device.jid());
            if (connection.isPresent()) {
                ChatConnection c = connection.get();
                c.execute(c::close);
                dropped++;
            }
        }
        return new AdminResponse(200, new Refused(phone, refusal.reason(), dropped));
    }

    record Refused(String phone, int reason, int disconnected) {
    }

    record Cleared(String phone) {
    }
}
