package io.tryx.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.appstate.AppStateService;
import io.tryx.simulator.appstate.AppStateStore;
import io.tryx.simulator.appstate.PhoneAppState;
import io.tryx.simulator.appstate.SyncActions;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mock phone's app state:
 * <ul>
 *   <li>{@code POST /admin/accounts/{phone}/app-state {"action","chat","value",...}} -> 200
 *       {@code {"collection","version","index"}}: the phone makes the mutation (see {@link SyncActions}), stores the
 *       patch and every companion gets a {@code server_sync} notification; 400 {@code invalid-json} /
 *       {@code invalid-action} / {@code invalid-chat} / {@code invalid-value} / {@code invalid-collection}, 404
 *       {@code unknown-account}, 409 {@code phone-behind} (a stored patch failed the phone's verification)</li>
 *   <li>{@code GET /admin/accounts/{phone}/app-state/{collection}} -> 200 {@code {"collection","serverVersion",
 *       "phoneVersion","ltHash","entries":[{"index","value","actionVersion","patchVersion"}],"errors":[{"collection",
 *       "version","message"}]}}: the server's version and what the phone verified and decoded (its LTHash in hex,
 *       the patches of that collection it refused); 404 {@code unknown-account} / {@code unknown-collection}</li>
 * </ul>
 */
final class AppStateEndpoints implements Endpoints {

    private static final Pattern MUTATE = Pattern.compile("/admin/accounts/([^/]+)/app-state");
    private static final Pattern VIEW = Pattern.compile("/admin/accounts/([^/]+)/app-state/([^/]+)");

    private final AccountRegistry accounts;
    private final AppStateService appState;

    AppStateEndpoints(AccountRegistry accounts, AppStateService appState) {
        this.accounts = accounts;
        this.appState = appState;
    }

    @Override
    public Optional<AdminResponse> handle(String method, String path, byte[] body) {
        Matcher mutate = MUTATE.matcher(path);
        if (mutate.matches()) {
            return Optional.of(method.equals("POST") ? mutate(mutate.group(1), body) : Endpoints.methodNotAllowed(method, path));
        }
        Matcher view = VIEW.matcher(path);
        if (view.matches()) {
            return Optional.of(method.equals("GET") ? view(view.group(1), view.group(2)) : Endpoints.methodNotAllowed(method, path));
        }
        return Optional.empty();
    }

    private AdminResponse mutate(String phone, byte[] body) {
        Optional<Account> account = accounts.find(phone);
        if (account.isEmpty()) {
            return Endpoints.unknownAccount(phone);
        }
        Optional<JsonNode> json = Endpoints.object(body);
        if (json.isEmpty()) {
            return Endpoints.invalidJson();
        }
        SyncActions.SyncAction action;
        try {
            action = appState.action(json.get());
        } catch (SyncActions.InvalidAction e) {
            return AdminResponse.error(400, e.code(), e.getMessage());
        }
        try {
            long version = appState.mutate(account.get(), action);
            return new AdminResponse(200, new Mutated(action.collection(), version, action.mutation().index()));
        } catch (IllegalStateException e) {
            return AdminResponse.error(409, "phone-behind", e.getMessage());
        }
    }

    private AdminResponse view(String phone, String collection) {
        Optional<Account> account = accounts.find(phone);
        if (account.isEmpty()) {
            return Endpoints.unknownAccount(phone);
        }
        if (!AppStateStore.isCollection(collection)) {
            return AdminResponse.error(404, "unknown-collection", "no collection " + collection);
        }
        PhoneAppState phoneState = appState.phone(account.get());
        PhoneAppState.View view = phoneState.view(collection);
        return new AdminResponse(200, new ViewBody(collection, appState.store().version(phone, collection),
                view.version(), view.ltHash(), view.entries(),
                phoneState.errors().stream().filter(e -> e.collection().equals(collection)).toList()));
    }

    /** {@code POST .../app-state} answer. */
    record Mutated(String collection, long version, List<String> index) {
    }

    /** {@code GET .../app-state/{collection}} answer. */
    record ViewBody(String collection, long serverVersion, long phoneVersion, String ltHash,
                    List<PhoneAppState.Entry> entries, List<PhoneAppState.VerificationError> errors) {
    }
}
