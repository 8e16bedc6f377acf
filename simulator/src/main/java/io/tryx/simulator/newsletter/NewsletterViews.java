package io.tryx.simulator.newsletter;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.account.Account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the server shows a newsletter: the GraphQL object ({@code id}, {@code state}, {@code thread_metadata} with
 * numbers as strings, {@code viewer_metadata} when asked) and posts as {@code <message server_id id type t>} nodes
 * with {@code plaintext}, {@code views_count} and {@code reactions}.
 */
final class NewsletterViews {

    private NewsletterViews() {
    }

    /** The GraphQL object of {@code newsletter} as {@code viewer} sees it ({@code viewer_metadata} only when asked). */
    static Map<String, Object> metadata(Newsletter newsletter, Account viewer, boolean withViewer) {
        Map<String, Object> thread = new LinkedHashMap<>();
        thread.put("creation_time", Long.toString(newsletter.created()));
        thread.put("name", text(newsletter.name(), newsletter.created()));
        thread.put("description", text(newsletter.description(), newsletter.created()));
        thread.put("handle", null);
        thread.put("invite", newsletter.invite());
        thread.put("picture", null);
        thread.put("preview", null);
        thread.put("subscribers_count", Integer.toString(newsletter.followers().size()));
        thread.put("verification", "UNVERIFIED");
        thread.put("settings", Map.of("reaction_codes", Map.of("value", "ALL")));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", newsletter.jid().toString());
        json.put("state", Map.of("type", "ACTIVE"));
        json.put("thread_metadata", thread);
        if (withViewer) {
            json.put("viewer_metadata", Map.of("mute", newsletter.muted(viewer) ? "ON" : "OFF", "role", role(newsletter, viewer)));
        }
        return json;
    }

    static String role(Newsletter newsletter, Account viewer) {
        if (newsletter.owner() == viewer) {
            return "OWNER";
        }
        return newsletter.follows(viewer) ? "SUBSCRIBER" : "GUEST";
    }

    private static Map<String, Object> text(String text, long at) {
        return Map.of("text", text, "id", Long.toString(at), "update_time", Long.toString(at * 1_000_000L));
    }

    /** {@code <message server_id id type t><plaintext/>?<views_count count/><reactions>…</reactions></message>}. */
    static Node post(Newsletter.Post post, boolean withContent) {
        Node.Builder reactions = Node.builder("reactions");
        List<Node> codes = post.counts().entrySet().stream().map(e -> Node.builder("reaction")
                .attr("code", e.getKey()).attr("count", e.getValue()).build()).toList();
        if (!codes.isEmpty()) {
            reactions.children(codes);
        }
        Node.Builder message = Node.builder("message").attr("server_id", post.serverId()).attr("id", post.id())
                .attr("type", post.type()).attr("t", post.t());
        Node views = Node.builder("views_count").attr("count", 0).build();
        message.children(withContent
                ? List.of(Node.builder("plaintext").bytes(post.plaintext()).build(), views, reactions.build())
                : List.of(views, reactions.build()));
        return message.build();
    }
}
