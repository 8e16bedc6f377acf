package io.tryx.simulator.newsletter;

import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.admin.AdminEndpoints;
import io.tryx.simulator.messaging.Delivery;
import io.tryx.simulator.router.StanzaRouter;

import java.time.InstantSource;

/**
 * The newsletter services wired together over one {@link NewsletterDirectory}. {@link #register} must run after
 * every other service that routes {@code message}s: it wraps that routing and takes the messages sent to
 * {@code …@newsletter}.
 */
public final class Newsletters {

    private final NewsletterDirectory directory = new NewsletterDirectory();
    private final AccountRegistry accounts;
    private final Delivery delivery;
    private final InstantSource clock;
    private NewsletterPosts posts;

    public Newsletters(AccountRegistry accounts, Delivery delivery, InstantSource clock) {
        this.accounts = accounts;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** Registers {@code w:mex} queries, {@code xmlns="newsletter"} IQs and the newsletter {@code message} routing. */
    public void register(StanzaRouter router) {
        this.posts = new NewsletterPosts(router.stanzaHandler("message").orElseThrow(() ->
                new IllegalStateException("messaging must register before newsletters")), directory, accounts, delivery, clock);
        router.iq("w:mex", "query", new MexHandler(directory, clock));
        router.iq("newsletter", new NewsletterIqHandler(directory, posts));
        router.stanza("message", posts);
    }

    public NewsletterDirectory directory() {
        return directory;
    }

    /** The admin endpoints ({@code /admin/newsletters…}); after {@link #register}. */
    public AdminEndpoints adminEndpoints() {
        return new NewsletterEndpoints(directory, posts, accounts, clock);
    }
}
