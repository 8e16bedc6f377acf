package io.tryx.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.appstate.AppStateService;
import io.tryx.simulator.groups.Groups;
import io.tryx.simulator.login.DeviceSessions;
import io.tryx.simulator.pairing.LinkCodePairing;
import io.tryx.simulator.phone.MockPhones;
import io.tryx.simulator.pairing.PairingService;
import io.tryx.simulator.pairing.ScanException;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin endpoints, independent of HTTP plumbing:
 * <ul>
 *   <li>{@code POST /admin/accounts {"phone","pushName"}} -> 201 {@code {"phone","jid","lid"}}; 400
 *       {@code invalid-json}/{@code invalid-phone}, 409 {@code account-exists}</li>
 *   <li>{@code POST /admin/accounts/{phone}/scan-qr {"qr"}} -> 200 {@code {"jid","lid","deviceId","keyIndex"}}
 *       once the companion countersigned; 400 {@code malformed-qr}, 404 {@code unknown-account}/{@code unknown-ref},
 *       409 {@code noise-key-mismatch}, 410 {@code stale-ref}, 502 {@code pairing-failed}, 504 {@code pairing-timeout}</li>
 *   <li>{@code POST /admin/accounts/{phone}/link-code {"code"}} (alias {@code pair-code}) -> the user types the
 *       code the companion shows; answers like scan-qr; 400 {@code malformed-code}, 404 {@code no-code-request}</li>
 *   <li>{@code GET /admin/accounts/{phone}} -> {@code {"phone","jid","lid","pushName","devices":[...]}}; 404 {@code unknown-account}</li>
 *   <li>{@code DELETE /admin/accounts/{phone}/devices/{id}} -> 200 the removed device (the phone unlinks it; its
 *       session ends with {@code conflict type="device_removed"}); 400 {@code invalid-device}, 404
 *       {@code unknown-account}/{@code unknown-device}</li>
 *   <li>{@code POST /admin/accounts/{phone}/messages}, {@code GET /admin/accounts/{phone}/inbox}: see {@link PhoneEndpoints}</li>
 *   <li>{@code POST /admin/devices/{jid}/disconnect}, {@code POST /admin/devices/{jid}/faults}: fault injection, see
 *       {@link FaultEndpoints}</li>
 *   <li>{@code GET /admin/groups/{jid}}, {@code POST /admin/groups}, {@code POST /admin/accounts/{phone}/groups}: see
 *       {@link GroupEndpoints}</li>
 *   <li>{@code POST /admin/accounts/{phone}/app-state}, {@code GET /admin/accounts/{phone}/app-state/{collection}}:
 *       see {@link AppStateEndpoints}; {@code POST|GET /admin/accounts/{phone}/history}: see {@link HistoryEndpoints}</li>
 *   <li>{@code GET /admin/stats} -> {@code {"connections","accounts","devices","phoneInboxDropped","phoneHistoryDropped",
 *       "deliveryDropped"}} (what the bounded per-phone and per-device structures dropped so far)</li>
 *   <li>{@code GET /admin/tls} -> {@code {"certificatePem"}}: the self-signed certificate of the HTTPS media
 *   server (and of {@code wss} when TLS is on), for clients to trust</li>
 * </ul>
 * Unknown paths answer 404 {@code not-found}, known paths with another method 405 {@code method-not-allowed}.
 */
public final class AdminApi {

    /** How long scan-qr waits for the companion's countersignature. */
    public static final Duration LINK_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern SCAN = Pattern.compile("/admin/accounts/([^/]+)/scan-qr");
    private static final Pattern PAIR_CODE = Pattern.compile("/admin/accounts/([^/]+)/(?:link-code|pair-code)");
    private static final Pattern ACCOUNT = Pattern.compile("/admin/accounts/([^/]+)");
    private static final Pattern DEVICE = Pattern.compile("/admin/accounts/([^/]+)/devices/([^/]+)");
    static final ObjectMapper JSON = new ObjectMapper();

    private final AccountRegistry accounts;
    private final PairingService pairing;
    private final LinkCodePairing linkCodes;
    private final DeviceSessions sessions;
    private final Supplier<?> stats;
    private final Supplier<?> tls;
    private final PhoneEndpoints phoneEndpoints;
    private final FaultEndpoints faults;
    private final GroupEndpoints groupEndpoints;
    private final AppStateEndpoints appStateEndpoints;
    private final HistoryEndpoints historyEndpoints;
    private final List<AdminEndpoints> extensions = new CopyOnWriteArrayList<>();

    public AdminApi(AccountRegistry accounts, PairingService pairing, LinkCodePairing linkCodes, DeviceSessions sessions,
                    Supplier<?> stats) {
        this(accounts, pairing, linkCodes, sessions, null, stats, () -> null);
    }

    /** With the mock phones' messaging endpoints (see {@link PhoneEndpoints}) when {@code phones} is not null. */
    public AdminApi(AccountRegistry accounts, PairingService pairing, LinkCodePairing linkCodes, DeviceSessions sessions,
                    MockPhones phones, Supplier<?> stats, Supplier<?> tls) {
        this(accounts, pairing, linkCodes, sessions, phones, null, stats, tls);
    }

    /** With the group endpoints (see {@link GroupEndpoints}) too when {@code groups} is not null. */
    public AdminApi(AccountRegistry accounts, PairingService pairing, LinkCodePairing linkCodes, DeviceSessions sessions,
                    MockPhones phones, Groups groups, Supplier<?> stats, Supplier<?> tls) {
        this(accounts, pairing, linkCodes, sessions, phones, groups, null, stats, tls);
    }

    /**
     * With the app state and history endpoints (see {@link AppStateEndpoints}, {@link HistoryEndpoints}) too when
     * {@code appState} (and {@code phones}) are not null.
     */
    public AdminApi(AccountRegistry accounts, PairingService pairing, LinkCodePairing linkCodes, DeviceSessions sessions,
                    MockPhones phones, Groups groups, AppStateService appState, Supplier<?> stats, Supplier<?> tls) {
        this.appStateEndpoints = appState == null ? null : new AppStateEndpoints(accounts, appState);
        this.historyEndpoints = phones == null ? null : new HistoryEndpoints(accounts, phones);
        this.phoneEndpoints = phones == null ? null : new PhoneEndpoints(accounts, phones);
        this.groupEndpoints = groups == null ? null : new GroupEndpoints(accounts, groups);
        this.faults = new FaultEndpoints(sessions);
        this.linkCodes = linkCodes;
        this.accounts = accounts;
        this.pairing = pairing;
        this.sessions = sessions;
        this.stats = stats;
        this.tls = tls;
    }

    /** Adds endpoints of another service, asked (in order of adding) before the account endpoints. */
    public void extend(AdminEndpoints endpoints) {
        extensions.add(endpoints);
    }

    /** Answers one request; the future completes when the answer is known (scan-qr waits for linking). */
    public CompletableFuture<AdminResponse> handle(String method, String path, byte[] body) {
        try {
            if (path.equals("/admin/accounts")) {
                return CompletableFuture.completedFuture(method.equals("POST") ? createAccount(body) : methodNotAllowed());
            }
            if (path.equals("/admin/stats")) {
                return CompletableFuture.completedFuture(method.equals("GET")
                        ? new AdminResponse(200, stats.get()) : methodNotAllowed());
            }
            if (path.equals("/admin/tls")) {
                return CompletableFuture.completedFuture(method.equals("GET")
                        ? new AdminResponse(200, tls.get()) : methodNotAllowed());
            }
            Matcher scan = SCAN.matcher(path);
            if (scan.matches()) {
                return method.equals("POST") ? scanQr(scan.group(1), body) : CompletableFuture.completedFuture(methodNotAllowed());
            }
            Matcher code = PAIR_CODE.matcher(path);
            if (code.matches()) {
                return method.equals("POST") ? enterCode(code.group(1), body) : CompletableFuture.completedFuture(methodNotAllowed());
            }
            if (phoneEndpoints != null) {
                Optional<AdminResponse> answer = phoneEndpoints.handle(method, path, body);
                if (answer.isPresent()) {
                    return CompletableFuture.completedFuture(answer.get());
                }
            }
            for (Endpoints endpoints : java.util.Arrays.asList(appStateEndpoints, historyEndpoints)) {
                Optional<AdminResponse> answer = endpoints == null ? Optional.empty() : endpoints.handle(method, path, body);
                if (answer.isPresent()) {
                    return CompletableFuture.completedFuture(answer.get());
                }
            }
            if (groupEndpoints != null) {
                Optional<AdminResponse> answer = groupEndpoints.handle(method, path, body);
                if (answer.isPresent()) {
                    return CompletableFuture.completedFuture(answer.get());
                }
            }
            for (AdminEndpoints extension : extensions) {
                Optional<AdminResponse> answer = extension.handle(method, path, body);
                if (answer.isPresent()) {
                    return CompletableFuture.completedFuture(answer.get());
                }
            }
            Optional<AdminResponse> fault = faults.handle(method, path, body);
            if (fault.isPresent()) {
                return CompletableFuture.completedFuture(fault.get());
            }
            Matcher account = ACCOUNT.matcher(path);
            if (account.matches()) {
                return CompletableFuture.completedFuture(method.equals("GET") ? getAccount(account.group(1)) : methodNotAllowed());
            }
            Matcher device = DEVICE.matcher(path);
            if (device.matches()) {
                return CompletableFuture.completedFuture(method.equals("DELETE")
                        ? removeDevice(device.group(1), device.group(2)) : methodNotAllowed());
            }
            return CompletableFuture.completedFuture(AdminResponse.error(404, "not-found", "no endpoint " + path));
        } catch (BadRequest e) {
            return CompletableFuture.completedFuture(AdminResponse.error(400, e.code, e.getMessage()));
        }
    }

    private AdminResponse createAccount(byte[] body) {
        JsonNode json = parse(body);
        String phone = json.path("phone").asText(null);
        if (!AccountRegistry.isValidPhone(phone)) {
            throw new BadRequest("invalid-phone", "phone must be 6-15 digits, not starting with 0");
        }
        try {
            Account account = accounts.create(phone, json.path("pushName").asText(""));
            return new AdminResponse(201, new AccountBody(account.phone(), account.jid().toString(), account.lid().toString()));
        } catch (IllegalStateException e) {
            return AdminResponse.error(409, "account-exists", e.getMessage());
        }
    }

    private AdminResponse getAccount(String phone) {
        return accounts.find(phone).map(a -> new AdminResponse(200, new AccountDetails(a.phone(), a.jid().toString(),
                        a.lid().toString(), a.pushName(), a.devices().stream().map(AdminApi::deviceBody).toList())))
                .orElseGet(() -> AdminResponse.error(404, "unknown-account", "no account " + phone));
    }

    private AdminResponse removeDevice(String phone, String deviceText) {
        int deviceId;
        try {
            deviceId = Integer.parseInt(deviceText);
        } catch (NumberFormatException e) {
            throw new BadRequest("invalid-device", "device id must be a number");
        }
        Optional<Account> account = accounts.find(phone);
        if (account.isEmpty()) {
            return AdminResponse.error(404, "unknown-account", "no account " + phone);
        }
        Optional<LinkedDevice> device = account.get().device(deviceId);
        if (device.isEmpty() || !sessions.unlink(account.get(), deviceId)) {
            return AdminResponse.error(404, "unknown-device", "no device " + deviceId + " linked to " + phone);
        }
        return new AdminResponse(200, deviceBody(device.get()));
    }

    private static DeviceBody deviceBody(LinkedDevice device) {
        return new DeviceBody(device.jid().toString(), device.lid().toString(), device.deviceId(), device.keyIndex());
    }

    private CompletableFuture<AdminResponse> enterCode(String phone, byte[] body) {
        String code = parse(body).path("code").asText(null);
        if (code == null || code.isBlank()) {
            throw new BadRequest("malformed-code", "body needs a \"code\" string");
        }
        try {
            return linked(linkCodes.enterCode(phone, code));
        } catch (ScanException e) {
            return CompletableFuture.completedFuture(scanError(e));
        }
    }

    private CompletableFuture<AdminResponse> scanQr(String phone, byte[] body) {
        JsonNode json = parse(body);
        String qr = json.path("qr").asText(null);
        if (qr == null || qr.isBlank()) {
            throw new BadRequest("malformed-qr", "body needs a \"qr\" string");
        }
        try {
            return linked(pairing.scan(phone, qr));
        } catch (ScanException e) {
            return CompletableFuture.completedFuture(scanError(e));
        }
    }

    private static CompletableFuture<AdminResponse> linked(CompletableFuture<LinkedDevice> linked) {
        return linked.copy().orTimeout(LINK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).handle((device, failure) -> {
            if (failure == null) {
                return new AdminResponse(200, deviceBody(device));
            }
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof ScanException e) {
                return scanError(e);
            }
            if (cause instanceof TimeoutException) {
                return AdminResponse.error(504, "pairing-timeout", "the companion did not countersign in time");
            }
            return AdminResponse.error(500, "internal-error", String.valueOf(cause));
        });
    }

    private static AdminResponse scanError(ScanException e) {
        return AdminResponse.error(e.kind().httpStatus(), e.kind().name().toLowerCase().replace('_', '-'), e.getMessage());
    }

    private static AdminResponse methodNotAllowed() {
        return AdminResponse.error(405, "method-not-allowed", "method not allowed");
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new BadRequest("invalid-json", "body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new BadRequest("invalid-json", "body is not JSON: " + e.getMessage());
        }
    }

    /** {@code POST /admin/accounts} answer. */
    public record AccountBody(String phone, String jid, String lid) {
    }

    /** {@code GET /admin/accounts/{phone}} answer. */
    public record AccountDetails(String phone, String jid, String lid, String pushName, List<DeviceBody> devices) {
    }

    /** {@code scan-qr} and device answers. */
    public record DeviceBody(String jid, String lid, int deviceId, int keyIndex) {
    }

    private static final class BadRequest extends RuntimeException {
        final String code;

        BadRequest(String code, String message) {
            super(message);
            this.code = code;
        }
    }
}
