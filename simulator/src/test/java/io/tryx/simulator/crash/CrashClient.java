package io.tryx.simulator.crash;

import io.tryx.protocol.client.ClientEvent;
import io.tryx.protocol.client.ClientRuntime;
import io.tryx.protocol.client.FibonacciBackoff;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.client.messaging.SendResult;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.StoreBackend;
import io.tryx.protocol.store.sql.StoreBackends;
import io.tryx.protocol.transport.TransportConfig;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * One linked device in its own JVM, for {@link ClientCrashSafetyTest}, which kills it with SIGKILL and starts it
 * again on the same SQLite file. It prints its lifecycle on stdout ({@code QR <text>}, {@code CONNECTED},
 * {@code PREKEYS <n>}, {@code SENT-ALL}) and keeps a log that is forced to disk before the event that produced it
 * counts as done: each received text is appended ({@link CrashLog}) before the listener returns, so before the
 * client acknowledges the message; each text it sends is appended once the server acked it.
 *
 * <p>Usage: {@code CrashClient <chat url> <root key base64> <sqlite file> <account id> <log> receive} or
 * {@code ... <log> send <peer jid> <count>}: sends {@code s-0 .. s-(count-1)} to the peer in order, skipping the
 * indexes the log already holds as acked (so a restart resumes the remaining sends).
 */
public final class CrashClient {

    private final CrashLog log;
    private volatile CountDownLatch connected = new CountDownLatch(1);

    private CrashClient(CrashLog log) {
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        URI chat = URI.create(args[0]);
        byte[] root = Base64.getDecoder().decode(args[1]);
        Path db = Path.of(args[2]);
        String account = args[3];
        CrashClient crash = new CrashClient(new CrashLog(Path.of(args[4])));
        String mode = args[5];
        ClientRuntime.Settings defaults = ClientRuntime.Settings.of(TransportConfig.builder().uri(chat.toString())
                .trustedRoot(root).build());
        ClientRuntime.Settings settings = new ClientRuntime.Settings(defaults.transport(), defaults.keepAlive(),
                defaults.client().withBackoff(new FibonacciBackoff(Duration.ofMillis(50), Duration.ofSeconds(1), 0.1,
                        RandomGenerator.of("L64X128MixRandom"))), defaults.messaging(), 1, 2);
        try (StoreBackend stores = StoreBackends.sqlite(db);
             ClientRuntime runtime = new ClientRuntime(settings, Clock.systemUTC())) {
            WhatsAppClient client = runtime.newClient(stores.open(account));
            client.addListener(crash::onEvent);
            client.addMessageListener(crash::onMessage);
            client.start();
            if (mode.equals("send")) {
                crash.sendAll(client, Jid.parse(args[6]), Integer.parseInt(args[7]));
                say("SENT-ALL");
            }
            new CountDownLatch(1).await(); // runs until the test ends the process
        }
    }

    private void onEvent(ClientEvent event) {
        switch (event) {
            case ClientEvent.QrCode qr -> say("QR " + qr.qr());
            case ClientEvent.Connected c -> {
                say("CONNECTED");
                connected.countDown();
            }
            case ClientEvent.PreKeysUploaded p -> say("PREKEYS " + p.count());
            case ClientEvent.Disconnected d -> {
                if (connected.getCount() == 0) {
                    connected = new CountDownLatch(1);
                }
                say("DISCONNECTED " + d.reason());
            }
            default -> say("EVENT " + event);
        }
    }

    /** Logged (and forced to disk) before returning: only then does the client acknowledge the message. */
    private void onMessage(MessageEvent event) {
        switch (event) {
            case MessageEvent.MessageReceived m when !m.text().isEmpty() ->
                    log.append(CrashLog.Entry.received(m.info().id(), m.text()));
            case MessageEvent.UndecryptableMessage u ->
                    log.append(CrashLog.Entry.undecryptable(u.info().id(), u.reason() + " " + u.detail()));
            default -> { }
        }
    }

    private void sendAll(WhatsAppClient client, Jid peer, int count) throws InterruptedException {
        Set<Integer> acked = new java.util.HashSet<>(CrashLog.sentIndexes(log.read()));
        for (int index = 0; index < count; index++) {
            while (!acked.contains(index)) {
                connected.await();
                try {
                    SendResult result = client.sendText(peer, "s-" + index).get(30, TimeUnit.SECONDS);
                    log.append(CrashLog.Entry.sent(result.id(), index));
                    acked.add(index);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    say("SEND-FAILED " + index + " " + e.getMessage()); // not acked: sent again (with a new id)
                }
            }
        }
    }

    private static void say(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
