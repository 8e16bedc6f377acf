package io.tryx.simulator.messaging;

import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.login.DeviceSessions;
import io.tryx.simulator.router.StanzaRouter;

import java.time.InstantSource;

/**
 * The messaging services wired together: {@link UsyncHandler}, {@link PreKeyFetchHandler},
 * {@link MessageRelay}, {@link ReceiptRelay} over one {@link Directory} and {@link Delivery}.
 */
public final class Messaging {

    private final Directory directory;
    private final Delivery delivery;
    private final MessageRelay messages;
    private final ReceiptRelay receipts;

    public Messaging(AccountRegistry accounts, DeviceSessions sessions, InstantSource clock) {
        this.directory = new Directory(accounts);
        this.delivery = new Delivery(sessions);
        this.messages = new MessageRelay(directory, delivery, clock);
        this.receipts = new ReceiptRelay(directory, delivery, clock);
        this.usync = new UsyncHandler(directory, clock);
        this.preKeys = new PreKeyFetchHandler(directory, sessions, clock);
    }

    private final UsyncHandler usync;
    private final PreKeyFetchHandler preKeys;

    /** Registers usync, the prekey fetch ({@code encrypt <key>}), {@code message} and {@code receipt}. */
    public void register(StanzaRouter router) {
        router.iq("usync", usync);
        router.iq("encrypt", "key", preKeys);
        messages.register(router);
        receipts.register(router);
    }

    public Directory directory() {
        return directory;
    }

    /** The usync handler, to plug further protocols into ({@link UsyncHandler#protocol}). */
    public UsyncHandler usync() {
        return usync;
    }

    public Delivery delivery() {
        return delivery;
    }

    public MessageRelay messages() {
        return messages;
    }

    public ReceiptRelay receipts() {
        return receipts;
    }
}
