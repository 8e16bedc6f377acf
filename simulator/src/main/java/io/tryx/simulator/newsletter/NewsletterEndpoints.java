package io.tryx.simulator.newsletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.admin.AdminEndpoints;
import io.tryx.simulator.admin.AdminResponse;

import java.io.IOException;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The newsletter admin endpoints:
 * <ul>
 *   <li>{@code POST /admin/newsletters {"owner":"<phone>","name","description"?}}: the owner's mock phone creates one
 *       -> 201 the newsletter (as {@code GET}); 400 {@code invalid-newsletter}, 404 {@code unknown-account}, 429
 *       {@code too-many-newsletters}</li>
 *   <li>{@code GET /admin/newsletters/{jid}} -> {@code {"jid","name","description","invite","owner","followers":
 *       [{"phone","muted"}]}}; 404 {@code unknown-newsletter}</li>
 *   <li>{@code POST /admin/newsletters/{jid}/posts {"text"}}: the owner's mock phone posts (fanned out to followers
 *       and the owner's companions) -> 201 {@code {"serverId","id"}}</li>
 *   <li>{@code GET /admin/newsletters/{jid}/posts} -> {@code [{"serverId","id","type","t","text","reactions":{code:
 *       count}}]}, oldest first</li>
 * </ul>
 */
final class NewsletterEndpoints implements AdminEndpoints {

    private static final Pattern ONE = Pattern.compile("/admin/newsletters/([^/]+)(/posts)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NewsletterDirectory directory;
    private final NewsletterPosts posts;
    private final AccountRegistry accounts;
    private final InstantSource clock;

    NewsletterEndpoints(NewsletterDirectory directory, NewsletterPosts posts, AccountRegistry accounts, InstantSource clock) {
        this.directory = directory;
        this.posts = posts;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public Optional<AdminResponse> handle(String method, String path, byte[] body) {
        if (path.equals("/admin/newsletters")) {
            return Optional.of(method.equals("POST") ? create(body) : notAllowed(method, path));
        }
        Matcher matcher = ONE.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<Newsletter> newsletter = NewsletterPosts.parse(matcher.group(1)).flatMap(directory::find);
        if (newsletter.isEmpty()) {
            return Optional.of(AdminResponse.error(404, "unknown-newsletter", "no newsletter " + matcher.group(1)));
        }
        boolean postsPath = matcher.group(2) != null;
        if (method.equals("GET")) {
            return Optional.of(new AdminResponse(200, postsPath ? posts(newsletter.get()) : view(newsletter.get())));
        }
        if (method.equals("POST") && postsPath) {
            return Optional.of(post(newsletter.get(), body));
        }
        return Optional.of(notAllowed(method, path));
    }

    private AdminResponse create(byte[] body) {
        Optional<JsonNode> json = object(body);
        if (json.isEmpty()) {
            return AdminResponse.error(400, "invalid-json", "body must be a JSON object");
        }
        String phone = json.get().path("owner").asText("");
        Optional<Account> owner = accounts.find(phone);
        if (owner.isEmpty()) {
            return AdminResponse.error(404, "unknown-account", "no account " + phone);
        }
        String name = json.get().path("name").asText("");
        if (name.isBlank() || name.length() > 100) {
            return AdminResponse.error(400, "invalid-newsletter", "a name of 1 to 100 characters is needed");
        }
        return directory.create(owner.get(), name, json.get().path("description").asText(""), clock.instant().getEpochSecond())
                .map(n -> new AdminResponse(201, view(n)))
                .orElseGet(() -> AdminResponse.error(429, "too-many-newsletters", "the directory is full"));
    }

    private AdminResponse post(Newsletter newsletter, byte[] body) {
        Optional<String> text = object(body).map(j -> j.path("text").asText("")).filter(t -> !t.isEmpty());
        if (text.isEmpty()) {
            return AdminResponse.error(400, "invalid-post", "body must be {\"text\": \"...\"}");
        }
        String id = "3EB0" + UUID.randomUUID().toString().replace("-", "").substring(0, 18).toUpperCase(java.util.Locale.ROOT);
        Node stanza = Node.builder("message").attr("to", newsletter.jid()).attr("id", id).attr("type", "text")
                .children(Node.builder("plaintext").bytes(E2EProto.Message.newBuilder().setConversation(text.get())
                        .build().toByteArray()).build()).build();
        Node ack = posts.post(newsletter, newsletter.owner(), 0, stanza, id);
        return new AdminResponse(201, Map.of("serverId", ack.attrs().longValue("server_id"), "id", id));
    }

    private static Map<String, Object> view(Newsletter newsletter) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("jid", newsletter.jid().toString());
        view.put("name", newsletter.name());
        view.put("description", newsletter.description());
        view.put("invite", newsletter.invite());
        view.put("owner", newsletter.owner().phone());
        view.put("followers", newsletter.followers().entrySet().stream()
                .map(e -> Map.of("phone", e.getKey(), "muted", e.getValue())).toList());
        return view;
    }

    private static List<Map<String, Object>> posts(Newsletter newsletter) {
        return newsletter.posts(Newsletter.POST_LIMIT, 0).stream().map(post -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("serverId", post.serverId());
            view.put("id", post.id());
            view.put("type", post.type());
            view.put("t", post.t());
            view.put("text", text(post.plaintext()));
            view.put("reactions", post.counts());
            return view;
        }).toList();
    }

    private static String text(byte[] plaintext) {
        try {
            E2EProto.Message message = E2EProto.Message.parseFrom(plaintext);
            return message.hasExtendedTextMessage() ? message.getExtendedTextMessage().getText() : message.getConversation();
        } catch (InvalidProtocolBufferException e) {
            return "";
        }
    }

    private static Optional<JsonNode> object(byte[] body) {
        try {
            return body.length == 0 ? Optional.empty() : Optional.ofNullable(JSON.readTree(body)).filter(JsonNode::isObject);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static AdminResponse notAllowed(String method, String path) {
        return AdminResponse.error(405, "method-not-allowed", method + " " + path);
    }

}
