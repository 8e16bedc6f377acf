package io.tryx.simulator.devices;

import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.admin.AdminEndpoints;
import io.tryx.simulator.admin.AdminResponse;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /admin/accounts/{phone}/reset-identity} (no body) -> 200 {@code {"phone","identity":"<base64 public
 * key>"}}: the account's mock phone gets a new Signal identity and its companions and peers are told (see
 * {@link IdentityResets}); 404 {@code unknown-account}, 405 for another method.
 */
final class IdentityEndpoints implements AdminEndpoints {

    private static final Pattern PATH = Pattern.compile("/admin/accounts/([^/]+)/reset-identity");

    private final AccountRegistry accounts;
    private final IdentityResets resets;

    IdentityEndpoints(AccountRegistry accounts, IdentityResets resets) {
        this.accounts = accounts;
        this.resets = resets;
    }

    @Override
    public Optional<AdminResponse> handle(String method, String path, byte[] body) {
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        if (!method.equals("POST")) {
            return Optional.of(AdminResponse.error(405, "method-not-allowed", method + " " + path));
        }
        String phone = matcher.group(1);
        return Optional.of(accounts.find(phone)
                .map(account -> new AdminResponse(200, Map.of("phone", phone, "identity", resets.reset(account))))
                .orElseGet(() -> AdminResponse.error(404, "unknown-account", "no account " + phone)));
    }
}
