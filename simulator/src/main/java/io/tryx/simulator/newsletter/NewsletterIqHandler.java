package io.tryx.simulator.newsletter;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;
import io.tryx.simulator.router.IqHandler;

import java.util.List;
import java.util.Optional;

/**
 * The {@code xmlns="newsletter"} IQs: {@code get <messages type="jid" jid count before?/>} (to the server) answered
 * {@code <messages jid><message server_id id type t><plaintext/>…</message>…</messages>}; {@code get
 * <message_updates count after?/>} (to the newsletter) answered {@code <message_updates><messages>} with the posts'
 * counts only; {@code set <live_updates/>} (to the newsletter) answered {@code <live_updates duration/>}. At most
 * {@value #MAX_COUNT} posts per answer; 404 for an unknown newsletter, 400 for a bad request.
 */
final class NewsletterIqHandler implements IqHandler {

    static final int MAX_COUNT = 100;

    private final NewsletterDirectory directory;
    private final NewsletterPosts posts;

    NewsletterIqHandler(NewsletterDirectory directory, NewsletterPosts posts) {
        this.directory = directory;
        this.posts = posts;
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        if (connection.device() == null || iq.children().isEmpty()) {
            throw new IqException(IqError.BAD_REQUEST, "not logged in or no child");
        }
        Node child = iq.children().getFirst();
        return Optional.of(List.of(switch (child.tag()) {
            case "messages" -> {
                Newsletter newsletter = find(child.attrs().optionalString("jid").orElse(""));
                List<Node> found = newsletter.posts(count(child), number(child, "before"))
                        .stream().map(p -> NewsletterViews.post(p, true)).toList();
                Node.Builder messages = Node.builder("messages").attr("jid", newsletter.jid());
                yield (found.isEmpty() ? messages : messages.children(found)).build();
            }
            case "message_updates" -> {
                Newsletter newsletter = find(iq.attrs().optionalString("to").orElse(""));
                long after = number(child, "after");
                List<Node> found = newsletter.posts(count(child), 0).stream().filter(p -> p.serverId() > after)
                        .map(p -> NewsletterViews.post(p, false)).toList();
                Node.Builder messages = Node.builder("messages");
                yield Node.builder("message_updates").children((found.isEmpty() ? messages : messages.children(found))
                        .build()).build();
            }
            case "live_updates" -> {
                Newsletter newsletter = find(iq.attrs().optionalString("to").orElse(""));
                posts.subscribeLive(newsletter, connection.device().jid());
                yield Node.builder("live_updates").attr("duration", NewsletterPosts.LIVE_UPDATES.toSeconds()).build();
            }
            default -> throw new IqException(IqError.BAD_REQUEST, "unknown newsletter request " + child.tag());
        }));
    }

    private Newsletter find(String jid) {
        Optional<Jid> parsed = NewsletterPosts.parse(jid);
        if (parsed.isEmpty()) {
            throw new IqException(IqError.BAD_REQUEST, "not a newsletter: " + jid);
        }
        return directory.find(parsed.get()).orElseThrow(() -> new IqException(IqError.ITEM_NOT_FOUND, "no newsletter " + jid));
    }

    private static int count(Node child) {
        long count = number(child, "count");
        return (int) Math.min(count <= 0 ? 50 : count, MAX_COUNT);
    }

    private static long number(Node child, String name) {
        try {
            return child.attrs().optionalLong(name).orElse(0L);
        } catch (RuntimeException e) {
            throw new IqException(IqError.BAD_REQUEST, "bad " + name);
        }
    }
}
