package io.tryx.protocol.client.newsletter;

/** Receives {@link NewsletterEvent}s on the client's worker pool, in order per newsletter. */
@FunctionalInterface
public interface NewsletterListener {

    void onNewsletterEvent(NewsletterEvent event);
}
