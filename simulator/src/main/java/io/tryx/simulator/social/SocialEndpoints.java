package io.tryx.simulator.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.admin.AdminEndpoints;
import io.tryx.simulator.admin.AdminResponse;
import io.tryx.simulator.presence.Presences;
import io.tryx.simulator.privacy.PrivacySettings;
import io.tryx.simulator.profile.Profiles;
import io.tryx.simulator.router.IqException;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The social admin endpoints of an account ({@code /admin/accounts/{phone}/...}):
 * <ul>
 *   <li>{@code GET privacy} -> {@code {"categories":{"last":"all",...},"disappearingMode":{"duration","t"},
 *       "excluded":{"last":["<phone>@s.whatsapp.net"],...}}} ({@code excluded}: the disallowed lists);
 *       {@code POST privacy {"name","value"}}: the mock phone changes a setting (companions notified) -> 200
 *       {@code {"name","value"}}; 400 {@code invalid-privacy}</li>
 *   <li>{@code GET blocklist} -> {@code [{"jid","lid"}]}; {@code POST blocklist {"jid","action":"block|unblock"}}: the
 *       mock phone changes the list (companions notified) -> 200 the new list; 400 {@code invalid-jid} /
 *       {@code invalid-action}, 404 {@code unknown-user}</li>
 *   <li>{@code GET profile} -> {@code {"pushName","status","statusSetAt","pictureId"}} (null when unset)</li>
 *   <li>{@code GET presence} -> {@code {"online","lastSeen","subscribers"}}</li>
 *   <li>{@code GET contacts} -> {@code ["<phone>@s.whatsapp.net"]}; {@code POST contacts {"jid"}} makes both contacts
 *       -> 200 the new list; 400 {@code invalid-jid}, 404 {@code unknown-user}</li>
 * </ul>
 * All answer 404 {@code unknown-account} for an unknown phone, 400 {@code invalid-json} for a bad body, 405 for
 * another method.
 */
final class SocialEndpoints implements AdminEndpoints {

    private static final Pattern PATH = Pattern.compile("/admin/accounts/([^/]+)/(privacy|blocklist|profile|presence|contacts)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccountRegistry accounts;
    private final Social social;

    SocialEndpoints(AccountRegistry accounts, Social social) {
        this.accounts = accounts;
        this.social = social;
    }

    @Override
    public Optional<AdminResponse> handle(String method, String path, byte[] body) {
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String what = matcher.group(2);
        boolean writable = what.equals("privacy") || what.equals("blocklist") || what.equals("contacts");
        if (!method.equals("GET") && !(writable && method.equals("POST"))) {
            return Optional.of(AdminResponse.error(405, "method-not-allowed", method + " " + path));
        }
        Optional<Account> account = accounts.find(matcher.group(1));
        if (account.isEmpty()) {
            return Optional.of(AdminResponse.error(404, "unknown-account", "no account " + matcher.group(1)));
        }
        if (method.equals("GET")) {
            return Optional.of(new AdminResponse(200, read(account.get(), what)));
        }
        Optional<JsonNode> json = parse(body);
        if (json.isEmpty()) {
            return Optional.of(AdminResponse.error(400, "invalid-json", "body must be a JSON object"));
        }
        return Optional.of(switch (what) {
            case "privacy" -> setPrivacy(account.get(), json.get());
            case "blocklist" -> block(account.get(), json.get());
            default -> addContact(account.get(), json.get());
        });
    }

    private Object read(Account account, String what) {
        return switch (what) {
            case "privacy" -> {
                PrivacySettings settings = social.privacy().settings(account);
                Map<String, List<String>> excluded = new java.util.LinkedHashMap<>();
                settings.allExcluded().forEach((name, phones) ->
                        excluded.put(name, phones.stream().map(p -> p + "@s.whatsapp.net").toList()));
                yield Map.of("categories", settings.all(), "disappearingMode", settings.disappearing(), "excluded", excluded);
            }
            case "blocklist" -> blocklist(account);
            case "profile" -> {
                Optional<Profiles.Status> status = social.profiles().status(account);
                yield new ProfileBody(account.pushName(), status.map(Profiles.Status::text).orElse(null),
                        status.map(Profiles.Status::t).orElse(null),
                        social.profiles().picture(account).map(Profiles.Picture::id).orElse(null));
            }
            case "presence" -> {
                Presences.Snapshot snapshot = social.presences().snapshot(account);
                yield Map.of("online", snapshot.online(), "lastSeen", snapshot.lastSeen(),
                        "subscribers", social.presences().subscribers(account));
            }
            default -> contacts(account);
        };
    }

    private AdminResponse setPrivacy(Account account, JsonNode json) {
        String name = json.path("name").asText("");
        String value = json.path("value").asText("");
        try {
            social.privacyHandler().change(account, 0, Node.builder("privacy").children(
                    Node.builder("category").attr("name", name).attr("value", value).build()).build());
        } catch (IqException e) {
            return AdminResponse.error(400, "invalid-privacy", e.getMessage());
        }
        social.presences().refresh(account);
        return new AdminResponse(200, Map.of("name", name, "value", value));
    }

    private AdminResponse block(Account account, JsonNode json) {
        String action = json.path("action").asText("");
        if (!action.equals("block") && !action.equals("unblock")) {
            return AdminResponse.error(400, "invalid-action", "action must be block or unblock");
        }
        Target target = target(json);
        if (target.error() != null) {
            return target.error();
        }
        try {
            social.blocklistHandler().change(account, 0, target.account(), action.equals("block"));
        } catch (IqException e) {
            return AdminResponse.error(400, "invalid-jid", e.getMessage());
        }
        social.blockChanged(account, target.account());
        return new AdminResponse(200, blocklist(account));
    }

    private AdminResponse addContact(Account account, JsonNode json) {
        Target target = target(json);
        if (target.error() != null) {
            return target.error();
        }
        social.contacts().add(account, target.account());
        return new AdminResponse(200, contacts(account));
    }

    private Target target(JsonNode json) {
        Jid jid;
        try {
            jid = Jid.parse(json.path("jid").asText(""));
        } catch (RuntimeException e) {
            return new Target(null, AdminResponse.error(400, "invalid-jid", "\"jid\" must be a user JID"));
        }
        return accountOf(jid).map(a -> new Target(a, null))
                .orElseGet(() -> new Target(null, AdminResponse.error(404, "unknown-user", "no account " + jid)));
    }

    private Optional<Account> accountOf(Jid jid) {
        if (jid.isLid()) {
            return accounts.findByLid(jid.user());
        }
        return jid.isPhoneUser() ? accounts.find(jid.user()) : Optional.empty();
    }

    private List<BlockedBody> blocklist(Account account) {
        return social.privacy().blocklist().blockedBy(account).stream().flatMap(p -> accounts.find(p).stream())
                .map(a -> new BlockedBody(a.jid().toString(), a.lid().toString())).toList();
    }

    private List<String> contacts(Account account) {
        return social.contacts().contactsOf(account).stream().map(a -> a.jid().toString()).sorted().toList();
    }

    private static Optional<JsonNode> parse(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : JSON.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code GET profile} answer. */
    record ProfileBody(String pushName, String status, Long statusSetAt, String pictureId) {
    }

    /** The account a body's {@code "jid"} names, or the error to answer. */
    private record Target(Account account, AdminResponse error) {
    }

    /** One blocked account. */
    record BlockedBody(String jid, String lid) {
    }
}
