package io.tryx.simulator.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.groups.Group;
import io.tryx.simulator.groups.Groups;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Group endpoints:
 * <ul>
 *   <li>{@code GET /admin/groups/{jid}} -> 200 {@link GroupBody}; 400 {@code invalid-jid}, 404 {@code unknown-group}</li>
 *   <li>{@code POST /admin/accounts/{phone}/groups {"subject","participants":["jid",...]}} -> 201 {@link GroupBody}
 *       plus {@code "failed"} (JIDs without account, not added): the account's mock phone creates the group
 *       as a client's {@code create} IQ would, with the same notifications; 400 {@code invalid-json} /
 *       {@code invalid-subject} / {@code invalid-jid}, 404 {@code unknown-account}</li>
 *   <li>{@code POST /admin/groups {"creator":"<phone>","subject","participants":["<phone or jid>",...]}} -> the same,
 *       with the creator named in the body; a participant given as a bare phone number means its phone JID</li>
 * </ul>
 * Both create calls take {@code "addressingMode": "pn"} (the default) or {@code "lid"} (participants listed by LID,
 * messages fanned out from LID devices; 400 {@code invalid-addressing-mode} for anything else); the group body
 * shows it as {@code "addressingMode"}. The group body also shows the community ties ({@code "community"},
 * {@code "linkedParent"}, {@code "defaultSubGroup"}), {@code "joinApproval"} and the pending join
 * {@code "requests"} (phone JIDs, oldest first).
 */
final class GroupEndpoints {

    private static final Pattern GROUP = Pattern.compile("/admin/groups/([^/]+)");
    private static final Pattern CREATE = Pattern.compile("/admin/accounts/([^/]+)/groups");
    private static final Pattern PHONE = Pattern.compile("[0-9]{6,15}");

    private final AccountRegistry accounts;
    private final Groups groups;

    GroupEndpoints(AccountRegistry accounts, Groups groups) {
        this.accounts = accounts;
        this.groups = groups;
    }

    /** The answer when {@code path} is a group endpoint, empty otherwise. */
    Optional<AdminResponse> handle(String method, String path, byte[] body) {
        if (path.equals("/admin/groups")) {
            return Optional.of(method.equals("POST") ? createByCreator(body)
                    : AdminResponse.error(405, "method-not-allowed", method + " " + path));
        }
        Matcher group = GROUP.matcher(path);
        if (group.matches()) {
            return Optional.of(method.equals("GET") ? get(URLDecoder.decode(group.group(1), StandardCharsets.UTF_8))
                    : AdminResponse.error(405, "method-not-allowed", method + " " + path));
        }
        Matcher create = CREATE.matcher(path);
        if (create.matches()) {
            return Optional.of(method.equals("POST") ? create(create.group(1), body)
                    : AdminResponse.error(405, "method-not-allowed", method + " " + path));
        }
        return Optional.empty();
    }

    private AdminResponse get(String text) {
        Jid jid;
        try {
            jid = Jid.parse(text);
        } catch (RuntimeException e) {
            return AdminResponse.error(400, "invalid-jid", "not a group JID: " + text);
        }
        if (!jid.isGroup()) {
            return AdminResponse.error(400, "invalid-jid", "not a group JID: " + text);
        }
        return groups.registry().find(jid).map(g -> new AdminResponse(200, GroupBody.of(g.view(), null)))
                .orElseGet(() -> AdminResponse.error(404, "unknown-group", "no group " + text));
    }

    private AdminResponse createByCreator(byte[] body) {
        Optional<JsonNode> json = Endpoints.object(body);
        if (json.isEmpty() || !json.get().path("creator").isTextual()) {
            return AdminResponse.error(400, "invalid-json", "body must be {\"creator\",\"subject\",\"participants\":[phone,...]}");
        }
        return create(json.get().path("creator").asText(), body);
    }

    private AdminResponse create(String phone, byte[] body) {
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
        if (json == null || !json.isObject() || !json.path("participants").isArray()) {
            return AdminResponse.error(400, "invalid-json", "body must be {\"subject\",\"participants\":[jid,...]}");
        }
        List<Node> participants = new ArrayList<>();
        for (JsonNode each : json.path("participants")) {
            String participant = each.asText("");
            participants.add(Node.builder("participant").attr("jid",
                    PHONE.matcher(participant).matches() ? participant + "@s.whatsapp.net" : participant).build());
        }
        Node create = Node.builder("create").attr("subject", json.path("subject").asText(""))
                .children(participants).build();
        String mode = json.path("addressingMode").asText("pn");
        if (!mode.equals("pn") && !mode.equals("lid")) {
            return AdminResponse.error(400, "invalid-addressing-mode", "addressingMode must be \"pn\" or \"lid\"");
        }
        try {
            Node answer = groups.creator().create(account.get(), create, mode.equals("lid"));
            Group group = groups.registry().find(answer.attrs().string("id")).orElseThrow();
            List<String> failed = answer.children("participant").stream().filter(p -> p.attrs().has("error"))
                    .map(p -> p.attrs().string("jid")).toList();
            return new AdminResponse(201, GroupBody.of(group.view(), failed));
        } catch (IqException e) {
            return e.error() == IqError.NOT_ACCEPTABLE
                    ? AdminResponse.error(400, "invalid-subject", e.getMessage())
                    : AdminResponse.error(400, "invalid-jid", e.getMessage());
        }
    }

    /** A group as the admin API shows it; {@code failed} only in the create answer. */
    public record GroupBody(String jid, String subject, String creator, long creation, String description,
                            boolean locked, boolean announce, int ephemeral, String memberAddMode, String addressingMode,
                            List<ParticipantBody> participants,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> failed,
                            boolean community, String linkedParent, boolean defaultSubGroup, boolean joinApproval,
                            List<String> requests) {

        static GroupBody of(Group.GroupView view, List<String> failed) {
            return new GroupBody(view.jid().toString(), view.subject(), view.creator().jid().toString(), view.creation(),
                    view.description().map(Group.Description::text).orElse(null),
                    view.settings().locked(), view.settings().announce(), view.settings().ephemeralSeconds(),
                    view.settings().memberAddMode(), view.lidAddressed() ? "lid" : "pn",
                    view.participants().stream().map(p -> new ParticipantBody(p.account().jid().toString(),
                            p.account().lid().toString(), p.role().label())).toList(), failed,
                    view.parentApprovalMode().isPresent(), view.linkedParent().map(Object::toString).orElse(null),
                    view.defaultSubGroup(), view.joinApproval(),
                    view.requests().stream().map(r -> r.account().jid().toString()).toList());
        }
    }

    /** A participant: phone JID, LID and role ({@code member}, {@code admin}, {@code superadmin}). */
    public record ParticipantBody(String jid, String lid, String role) {
    }
}
