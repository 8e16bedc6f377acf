package io.tryx.simulator.calls;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.login.DeviceSessions;
import io.tryx.simulator.messaging.Directory;
import io.tryx.simulator.router.StanzaHandler;
import io.tryx.simulator.router.StanzaRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Call signalling as the server relays it. A call placed by a caller's mock phone is offered to every online
 * companion of the callee ({@code <call from=caller id t platform version><offer call-id call-creator [group-jid]>
 * <audio/>...[<video/>]</offer></call>}; calls ring live, they are never queued for offline devices). A callee
 * companion's {@code <call to=caller><reject call-id call-creator count/></call>} is acknowledged
 * ({@code <ack class="call" id from>}), ends the call, is relayed to the caller's online companions and stops the
 * ringing on the callee's other companions ({@code terminate}); a reject of an unknown call is nacked 404, of an
 * ended one 409, a malformed call stanza 400, a step other than reject 501. Terminating a ringing call (the caller
 * hangs up, or it times out) sends {@code terminate [reason]} to the companions it was offered to. Companions'
 * {@code <ack class="call">} are recorded per call. The last {@value #KEPT} calls are kept. Thread-safe.
 */
public final class CallService {

    static final int KEPT = 1000;
    private static final Logger log = LoggerFactory.getLogger(CallService.class);

    private final Directory directory;
    private final DeviceSessions sessions;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong stanzaIds = new AtomicLong();
    private final Map<String, Call> calls = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Call> eldest) {
            return size() > KEPT;
        }
    };
    /** Stanza id -> the call it belongs to, for the companions' acks (guarded by {@link #calls}). */
    private final Map<String, Call> sent = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Call> eldest) {
            return size() > 4 * KEPT;
        }
    };

    public CallService(Directory directory, DeviceSessions sessions, InstantSource clock) {
        this.directory = directory;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Takes {@code call} stanzas, and {@code ack class="call"} before the handler registered for acks. */
    public void register(StanzaRouter router) {
        router.stanza("call", this::onCall);
        StanzaHandler acks = router.stanzaHandler("ack").orElse((c, s) -> { });
        router.stanza("ack", (connection, ack) -> {
            if (ack.attrs().optionalString("class").filter("call"::equals).isPresent()) {
                onAck(connection, ack);
            } else {
                acks.handle(connection, ack);
            }
        });
    }

    /** The admin endpoints of calls. */
    public CallEndpoints adminEndpoints(io.tryx.simulator.account.AccountRegistry accounts) {
        return new CallEndpoints(accounts, this);
    }

    /** {@code caller}'s phone calls {@code callee}: offers the call to the callee's online companions. */
    public Call offer(Account caller, Account callee, boolean video, Jid group) {
        if (caller == callee) {
            throw new IllegalArgumentException("an account cannot call itself");
        }
        byte[] id = new byte[16];
        random.nextBytes(id);
        Call call = new Call(HexFormat.of().withUpperCase().formatHex(id), caller, callee, video, group,
                clock.instant().getEpochSecond());
        synchronized (calls) {
            calls.put(call.id(), call);
        }
        Node.Builder offer = Node.builder("offer").attr("call-id", call.id()).attr("call-creator", caller.jid())
                .optionalAttr("group-jid", group);
        java.util.List<Node> children = new java.util.ArrayList<>(java.util.List.of(
                Node.builder("audio").attr("enc", "opus").attr("rate", "16000").build(),
                Node.builder("audio").attr("enc", "opus").attr("rate", "8000").build()));
        if (video) {
            children.add(Node.builder("video").attr("enc", "vp8").attr("dec", "vp8").attr("orientation", "0")
                    .attr("screen_width", "1080").attr("screen_height", "2340").attr("device_orientation", "0").build());
        }
        children.add(Node.builder("net").attr("medium", "3").build());
        children.add(Node.builder("encopt").attr("keygen", "2").build());
        Node stanza = stanza(call, caller.jid(), offer.children(children).build())
                .attr("platform", "android").attr("version", "2.25.21.80").build();
        for (LinkedDevice device : call.callee().devices()) {
            sessions.connection(device.jid()).ifPresent(c -> {
                call.offeredTo(device.jid());
                c.execute(() -> c.send(stanza));
            });
        }
        return call;
    }

    /** Ends a ringing call (the caller hung up or it timed out); empty when unknown, the call as it stands otherwise. */
    public Optional<Call> terminate(String callId, String reason) {
        Optional<Call> call = find(callId);
        call.filter(c -> c.terminate(reason)).ifPresent(c -> {
            Node stanza = terminateStanza(c, reason);
            c.offeredTo().forEach(device -> send(device, stanza));
        });
        return call;
    }

    public Optional<Call> find(String callId) {
        synchronized (calls) {
            return Optional.ofNullable(calls.get(callId));
        }
    }

    private void onCall(ChatConnection connection, Node stanza) {
        LinkedDevice device = connection.device();
        String id = stanza.attrs().optionalString("id").orElse("");
        if (device == null || id.isEmpty() || stanza.children().size() != 1) {
            log.info("{}: malformed call stanza: {}", connection, stanza);
            nack(connection, stanza, id, 400);
            return;
        }
        Node step = stanza.children().getFirst();
        if (!step.tag().equals("reject")) {
            log.info("{}: call step <{}> not supported", connection, step.tag());
            nack(connection, stanza, id, 501);
            return;
        }
        Optional<Call> call = step.attrs().optionalString("call-id").flatMap(this::find);
        if (call.isEmpty() || call.get().callee() != device.account()) {
            nack(connection, stanza, id, 404);
            return;
        }
        Call rejected = call.get();
        if (!rejected.reject(device.jid())) {
            nack(connection, stanza, id, 409);
            return;
        }
        connection.send(ack(stanza, id).build());
        Node relayed = stanza(rejected, rejected.callee().jid(), Node.builder("reject").attr("call-id", rejected.id())
                .attr("call-creator", rejected.caller().jid()).build()).build();
        rejected.caller().devices().forEach(d -> send(d.jid(), relayed));
        Node stop = terminateStanza(rejected, null);
        rejected.offeredTo().stream().filter(d -> !d.equals(device.jid())).forEach(d -> send(d, stop));
    }

    private void onAck(ChatConnection connection, Node ack) {
        if (connection.device() == null) {
            return;
        }
        Call call;
        synchronized (calls) {
            call = sent.get(ack.attrs().optionalString("id").orElse(""));
        }
        if (call != null) {
            call.acknowledged(connection.device().jid());
        }
    }

    private Node terminateStanza(Call call, String reason) {
        return stanza(call, call.caller().jid(), Node.builder("terminate").attr("call-id", call.id())
                .attr("call-creator", call.caller().jid()).optionalAttr("reason", reason).build()).build();
    }

    /** A {@code <call from id t>} around {@code step}, its id remembered as one of {@code call}'s. */
    private Node.Builder stanza(Call call, Jid from, Node step) {
        String id = Long.toHexString(clock.instant().getEpochSecond()).toUpperCase(java.util.Locale.ROOT)
                + "-" + stanzaIds.incrementAndGet();
        synchronized (calls) {
            sent.put(id, call);
        }
        return Node.builder("call").attr("from", from).attr("id", id)
                .attr("t", clock.instant().getEpochSecond()).children(step);
    }

    private void send(Jid device, Node stanza) {
        sessions.connection(device).ifPresent(c -> c.execute(() -> c.send(stanza)));
    }

    private static Node.Builder ack(Node stanza, String id) {
        return Node.builder("ack").attr("class", "call").attr("id", id)
                .attr("from", stanza.attrs().optionalString("to").orElse("s.whatsapp.net"));
    }

    private static void nack(ChatConnection connection, Node stanza, String id, int code) {
        if (!id.isEmpty()) {
            connection.send(ack(stanza, id).attr("error", code).build());
        }
    }
}
