package io.tryx.simulator.newsletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;
import io.tryx.simulator.router.IqHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The newsletter GraphQL queries ({@code <iq xmlns="w:mex"><query query_id>{"variables":…}</query></iq>}), by the
 * query ids of WhatsApp Web (as Baileys sends them) and of the older web client (as whatsmeow sends them): answered
 * with {@code <result>{"data":{<path>:…}}</result>}, or {@code {"data":{<path>:null},"errors":[{"message",
 * "extensions":{"error_code"}}]}} for an unknown newsletter (404), a refused change (403) or bad variables (400). An
 * unknown query id is answered {@code 400 bad-request}.
 */
final class MexHandler implements IqHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private enum Op { CREATE, METADATA, FOLLOW, UNFOLLOW, MUTE, UNMUTE, SUBSCRIBED }

    private record Query(Op op, String path) {
    }

    private static final Map<String, Query> QUERIES = Map.ofEntries(
            Map.entry("8823471724422422", new Query(Op.CREATE, "xwa2_newsletter_create")),
            Map.entry("6234210096708695", new Query(Op.CREATE, "xwa2_newsletter_create")),
            Map.entry("6563316087068696", new Query(Op.METADATA, "xwa2_newsletter")),
            Map.entry("24404358912487870", new Query(Op.FOLLOW, "xwa2_newsletter_join_v2")),
            Map.entry("9926858900719341", new Query(Op.FOLLOW, "xwa2_newsletter_follow")),
            Map.entry("9767147403369991", new Query(Op.UNFOLLOW, "xwa2_newsletter_leave_v2")),
            Map.entry("6392786840836363", new Query(Op.UNFOLLOW, "xwa2_newsletter_unfollow")),
            Map.entry("29766401636284406", new Query(Op.MUTE, "xwa2_newsletter_mute_v2")),
            Map.entry("6274038279359549", new Query(Op.MUTE, "xwa2_newsletter_mute_v2")),
            Map.entry("9864994326891137", new Query(Op.UNMUTE, "xwa2_newsletter_unmute_v2")),
            Map.entry("6068417879924485", new Query(Op.UNMUTE, "xwa2_newsletter_unmute_v2")),
            Map.entry("6388546374527196", new Query(Op.SUBSCRIBED, "xwa2_newsletter_subscribed")));

    private final NewsletterDirectory directory;
    private final InstantSource clock;

    MexHandler(NewsletterDirectory directory, InstantSource clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** A GraphQL refusal: answered as {@code errors} in the result. */
    private static final class Refused extends RuntimeException {
        final int code;

        Refused(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        if (connection.device() == null) {
            throw new IqException(IqError.NOT_AUTHORIZED, "not logged in");
        }
        Node query = iq.children().getFirst();
        Query known = QUERIES.get(query.attrs().optionalString("query_id").orElse(""));
        if (known == null) {
            throw new IqException(IqError.BAD_REQUEST, "unknown query id " + query.attrs().optionalString("query_id").orElse(""));
        }
        JsonNode variables;
        try {
            byte[] body = query.contentBytes().or(() -> query.contentText().map(String::getBytes)).orElse(new byte[0]);
            variables = JSON.readTree(body).path("variables");
        } catch (IOException | RuntimeException e) {
            throw new IqException(IqError.BAD_REQUEST, "query body is not JSON");
        }
        Map<String, Object> data = new HashMap<>();
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            data.put(known.path(), run(known.op(), connection.device().account(), variables));
        } catch (Refused e) {
            data.put(known.path(), null);
            answer.put("errors", List.of(Map.of("message", e.getMessage(), "path", List.of(known.path()),
                    "extensions", Map.of("error_code", e.code, "is_retryable", false, "severity", "CRITICAL"))));
        }
        answer.put("data", data);
        try {
            return Optional.of(List.of(Node.builder("result").bytes(JSON.writeValueAsBytes(answer)).build()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object run(Op op, Account viewer, JsonNode variables) {
        return switch (op) {
            case CREATE -> create(viewer, variables.has("input") ? variables.path("input") : variables.path("newsletter_input"));
            case METADATA -> metadata(viewer, variables);
            case FOLLOW -> {
                Newsletter newsletter = byId(variables);
                newsletter.follow(viewer);
                yield Map.of("id", newsletter.jid().toString());
            }
            case UNFOLLOW -> {
                Newsletter newsletter = byId(variables);
                newsletter.unfollow(viewer);
                yield Map.of("id", newsletter.jid().toString());
            }
            case MUTE, UNMUTE -> {
                Newsletter newsletter = byId(variables);
                if (newsletter.owner() != viewer && !newsletter.mute(viewer, op == Op.MUTE)) {
                    throw new Refused(403, "not a follower of " + newsletter.jid());
                }
                yield Map.of("id", newsletter.jid().toString(), "mute", op == Op.MUTE ? "ON" : "OFF");
            }
            case SUBSCRIBED -> directory.of(viewer).stream().map(n -> NewsletterViews.metadata(n, viewer, true)).toList();
        };
    }

    private Object create(Account owner, JsonNode input) {
        String name = input.path("name").asText("");
        if (name.isBlank() || name.length() > 100) {
            throw new Refused(400, "a newsletter name must have 1 to 100 characters");
        }
        String description = input.path("description").isTextual() ? input.path("description").asText() : "";
        Newsletter created = directory.create(owner, name, description, clock.instant().getEpochSecond())
                .orElseThrow(() -> new Refused(429, "too many newsletters"));
        return NewsletterViews.metadata(created, owner, true);
    }

    private Object metadata(Account viewer, JsonNode variables) {
        JsonNode input = variables.path("input");
        String key = input.path("key").asText("");
        Optional<Newsletter> found = switch (input.path("type").asText("").toUpperCase(java.util.Locale.ROOT)) {
            case "JID" -> parse(key).flatMap(directory::find);
            case "INVITE" -> directory.findByInvite(key);
            default -> throw new Refused(400, "unknown key type " + input.path("type").asText(""));
        };
        Newsletter newsletter = found.orElseThrow(() -> new Refused(404, "newsletter not found: " + key));
        return NewsletterViews.metadata(newsletter, viewer, variables.path("fetch_viewer_metadata").asBoolean(false));
    }

    private Newsletter byId(JsonNode variables) {
        String id = variables.path("newsletter_id").asText("");
        return parse(id).flatMap(directory::find).orElseThrow(() -> new Refused(404, "newsletter not found: " + id));
    }

    private static Optional<Jid> parse(String jid) {
        try {
            return Optional.of(Jid.parse(jid)).filter(Jid::isNewsletter);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
