package io.tryx.bridge.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tryx.bridge.accounts.AccountObserver;
import io.tryx.bridge.accounts.ConnectionHints;
import io.tryx.bridge.accounts.AccountView;
import io.tryx.bridge.app.TopicNames.EventFamily;
import io.tryx.events.v1.ConnectionEvent;
import io.tryx.protocol.client.ClientEvent;
import io.tryx.protocol.client.appstate.ChatSyncEvent;
import io.tryx.protocol.client.devices.DeviceEvent;
import io.tryx.protocol.client.updates.UpdateEvent;
import io.tryx.protocol.client.history.HistorySyncEvent;
import io.tryx.protocol.client.messaging.MessageEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Publishes what the hosted accounts report. Lifecycle events become connection events, sent without waiting
 * (they are in order per account since the producer keeps the order of one key). Message events (messages,
 * receipts, undecryptable messages, group changes) are sent and waited for: {@link #onMessage} returns only after Kafka
 * acknowledged the record, so the runtime acknowledges the message to WhatsApp only then, and throws when Kafka
 * did not, so WhatsApp redelivers it. With the Kafka store they commit in the account's state transaction, once per
 * event id ({@link EventPublisher#publishOnceAndWait}): a redelivered message does not publish its event again. History
 * sync chunks go to the history topic the same way, in parts; social updates, app-state chat actions and device changes
 * to the presence, contacts and chat-actions topics. Also keeps the per-account gauge
 * {@code tryx.account.connected} and counts
 * {@code tryx.decrypt.failures} (tag {@code reason}).
 */
public final class AccountEventPublisher implements AccountObserver, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccountEventPublisher.class);

    private final EventPublisher publisher;
    private final MeterRegistry meters;
    private final ConnectionEventMapper connections;
    private final MessageEventMapper messages = new MessageEventMapper();
    private final ReceiptEventMapper receipts = new ReceiptEventMapper();
    private final UndecryptableEventMapper undecryptable = new UndecryptableEventMapper();
    private final GroupEventMapper groups = new GroupEventMapper();
    private final PresenceEventMapper presence;
    private final ContactEventMapper contacts;
    private final ChatActionEventMapper chatActions = new ChatActionEventMapper();
    private final CallEventMapper calls = new CallEventMapper();
    private final HistoryPublisher history;
    private final Map<String, AccountView> accounts = new ConcurrentHashMap<>();
    private final List<Meter> gauges = new CopyOnWriteArrayList<>();

    public AccountEventPublisher(EventPublisher publisher, MeterRegistry meters, InstantSource clock) {
        this.publisher = publisher;
        this.meters = meters;
        this.connections = new ConnectionEventMapper(clock);
        this.presence = new PresenceEventMapper(clock);
        this.contacts = new ContactEventMapper(clock);
        this.history = new HistoryPublisher(publisher, HistoryRecordAssembler.DEFAULT_BUDGET);
    }

    @Override
    public void onLifecycle(AccountView account, ClientEvent event, ConnectionHints hints) {
        gauge(account);
        connections.map(origin(account), event, hints).ifPresent(record -> publishConnection(account, record));
    }

    @Override
    public void onPairCode(AccountView account, String code) {
        publishConnection(account, connections.pairCodeIssued(origin(account), code));
    }

    @Override
    public void onMessage(AccountView account, MessageEvent event) {
        EventOrigin origin = origin(account);
        switch (event) {
            case MessageEvent.MessageReceived received -> {
                var record = messages.map(origin, received);
                publish(origin, record.getEventId(), EventFamily.MESSAGES, record.getChat(), record);
            }
            case MessageEvent.PollVoteReceived vote -> {
                var record = messages.map(origin, vote);
                publisher.publishAndWait(EventFamily.MESSAGES, EventKeys.chat(origin.account(), record.getChat()), record);
            }
            case MessageEvent.ReceiptReceived receipt -> receipts.map(origin, receipt).ifPresent(record ->
                    publish(origin, record.getEventId(), EventFamily.RECEIPTS, record.getChat(), record));
            case MessageEvent.UndecryptableMessage failed -> {
                var record = undecryptable.map(origin, failed);
                meters.counter("tryx.decrypt.failures", "reason", record.getReason().name()).increment();
                publish(origin, record.getEventId(), EventFamily.UNDECRYPTABLE, record.getChat(), record);
            }
            case io.tryx.protocol.client.messaging.GroupEvent change -> {
                var record = groups.map(origin, change);
                publish(origin, record.getEventId(), EventFamily.GROUPS, record.getChat(), record);
            }
        }
    }

    /**
     * Presence and chat states go to the presence topic, acknowledged but not recorded (they are never redelivered);
     * the other updates to the contacts topic, once per event id like messages.
     */
    @Override
    public void onUpdate(AccountView account, UpdateEvent event) {
        EventOrigin origin = origin(account);
        presence.map(origin, event).ifPresent(record -> publisher.publishAndWait(EventFamily.PRESENCE,
                EventKeys.chat(origin.account(), record.getChat()), record));
        for (var record : contacts.map(origin, event)) {
            publish(origin, record.getEventId(), EventFamily.CONTACTS, record.getChat(), record);
        }
    }

    /** Chat actions to the chat-actions topic, address-book entries and the own push name to contacts; once per id. */
    @Override
    public void onChatSync(AccountView account, ChatSyncEvent event) {
        EventOrigin origin = origin(account);
        chatActions.map(origin, event).ifPresent(record ->
                publish(origin, record.getEventId(), EventFamily.CHAT_ACTIONS, record.getChat(), record));
        contacts.map(origin, event).ifPresent(record ->
                publish(origin, record.getEventId(), EventFamily.CONTACTS, record.getChat(), record));
    }

    /** Device-list and identity changes to the contacts topic, once per id. */
    @Override
    public void onDevice(AccountView account, DeviceEvent event) {
        EventOrigin origin = origin(account);
        var record = contacts.map(origin, event);
        publish(origin, record.getEventId(), EventFamily.CONTACTS, record.getChat(), record);
    }

    private void publish(EventOrigin origin, String eventId, EventFamily family, String chat,
                         org.apache.avro.specific.SpecificRecord record) {
        publisher.publishOnceAndWait(origin.account(), eventId, family, EventKeys.chat(origin.account(), chat), record);
    }

    /** Call steps become call events on the calls topic, published and waited for like message events. */
    @Override
    public void onCall(AccountView account, io.tryx.protocol.client.calls.CallEvent event) {
        EventOrigin origin = origin(account);
        calls.map(origin, event).ifPresent(record ->
                publish(origin, record.getEventId(), EventFamily.CALLS, record.getChat(), record));
    }

    /**
     * Newsletter posts to the messages topic (chat: the newsletter), once per event id like messages; reaction-count
     * updates are not published (the contract has no family for them yet).
     */
    @Override
    public void onNewsletter(AccountView account, io.tryx.protocol.client.newsletter.NewsletterEvent event) {
        if (event instanceof io.tryx.protocol.client.newsletter.NewsletterEvent.PostReceived post) {
            EventOrigin origin = origin(account);
            var record = messages.map(origin, post);
            publish(origin, record.getEventId(), EventFamily.MESSAGES, record.getChat(), record);
        }
    }

    /** History chunks become history records, each part published and waited for (see {@link HistoryPublisher}). */
    @Override
    public void onHistory(AccountView account, HistorySyncEvent event) {
        history.on(origin(account), event);
    }

    private void publishConnection(AccountView account, ConnectionEvent record) {
        publisher.publish(EventFamily.CONNECTION, EventKeys.account(record.getAccount()), record)
                .whenComplete((metadata, error) -> {
                    if (error != null) {
                        LOG.warn("{}: connection event {} not published: {}", account.accountId(),
                                record.getState().getClass().getSimpleName(), error.toString());
                    }
                });
    }

    private static EventOrigin origin(AccountView account) {
        return new EventOrigin(account.accountId(), account.lid().orElse(null),
                account.device().orElse(account.accountId()), BridgeVersion.current());
    }

    /** One gauge per account id, reading whichever hosted account currently has that id. */
    private void gauge(AccountView account) {
        String id = account.accountId();
        if (accounts.put(id, account) == null) {
            gauges.add(Gauge.builder("tryx.account.connected", accounts,
                            current -> current.containsKey(id) && current.get(id).state().equals("CONNECTED") ? 1 : 0)
                    .tag("account", id)
                    .description("1 while the account is logged in and online")
                    .register(meters));
        }
    }

    /** Removes the gauges (a bridge started again in this JVM registers its own). */
    @Override
    public void close() {
        gauges.forEach(meters::remove);
        gauges.clear();
    }
}
