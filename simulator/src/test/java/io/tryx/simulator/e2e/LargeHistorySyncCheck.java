package io.tryx.simulator.e2e;

import io.tryx.protocol.client.history.HistoryMessage;
import io.tryx.protocol.client.history.HistorySyncEvent;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.history.GeneratedHistory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * Child-JVM program of {@link LargeHistorySyncTest}: only our client, in a small heap, linked to an account of a
 * simulator running in the parent whose phone holds a large generated history. Counts what the history events
 * carry (keeping nothing) and checks every text against the generator; prints the counts. A client that held the
 * blob, the inflated chunk or a conversation's messages whole would end this JVM with OutOfMemoryError.
 */
public final class LargeHistorySyncCheck {

    public static void main(String[] args) throws Exception {
        String chatUrl = args[0];
        byte[] root = Base64.getDecoder().decode(args[1]);
        AdminClient admin = new AdminClient(args[2]);
        String phone = args[3];
        String pem = admin.get("/admin/tls").body().path("certificatePem").asText();
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));

        AtomicLong messages = new AtomicLong();
        AtomicLong wrongTexts = new AtomicLong();
        AtomicInteger maxBatch = new AtomicInteger();
        AtomicInteger maxProgress = new AtomicInteger(-1);
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger pushNames = new AtomicInteger();
        AtomicLong completedMessages = new AtomicLong();
        Set<String> conversations = ConcurrentHashMap.newKeySet();
        AtomicInteger pushChunks = new AtomicInteger();
        long started = System.nanoTime();
        try (ClientHarness clients = new ClientHarness(chatUrl, root).trustMedia(certificate)) {
            Linked.link(clients, admin, phone, new InMemoryAccountStore("large-history"), client ->
                    client.addHistoryListener(event -> {
                        switch (event) {
                            case HistorySyncEvent.Messages batch -> {
                                maxBatch.accumulateAndGet(batch.messages().size(), Math::max);
                                for (HistoryMessage message : batch.messages()) {
                                    messages.incrementAndGet();
                                    if (!expected(message)) {
                                        wrongTexts.incrementAndGet();
                                    }
                                }
                            }
                            case HistorySyncEvent.ConversationCompleted done -> conversations.add(done.conversation().chat().toString());
                            case HistorySyncEvent.PushNames names -> pushNames.addAndGet(names.pushNames().size());
                            case HistorySyncEvent.ChunkCompleted done -> {
                                completedMessages.addAndGet(done.messages());
                                done.chunk().progress().ifPresent(p -> maxProgress.accumulateAndGet(p, Math::max));
                                if (done.chunk().syncType() == E2EProto.Message.HistorySyncType.PUSH_NAME) {
                                    pushChunks.incrementAndGet();
                                }
                            }
                            case HistorySyncEvent.ChunkFailed failed -> {
                                System.out.println("failure=" + failed.reason() + " " + failed.detail());
                                failures.incrementAndGet();
                            }
                            case HistorySyncEvent.ChunkStarted ignored -> { }
                        }
                    }));
            await().atMost(Duration.ofMinutes(2)).until(() -> pushChunks.get() > 0 || failures.get() > 0);
        }
        System.out.println("messages=" + messages.get());
        System.out.println("completedMessages=" + completedMessages.get());
        System.out.println("conversations=" + conversations.size());
        System.out.println("pushNames=" + pushNames.get());
        System.out.println("wrongTexts=" + wrongTexts.get());
        System.out.println("maxBatch=" + maxBatch.get());
        System.out.println("maxProgress=" + maxProgress.get());
        System.out.println("failures=" + failures.get());
        System.out.println("elapsedMs=" + (System.nanoTime() - started) / 1_000_000);
        System.out.println("maxHeap=" + Runtime.getRuntime().maxMemory());
        System.exit(0);
    }

    /** The generator's text for the message's chat and id ({@code H<c>-<m>}). */
    private static boolean expected(HistoryMessage message) {
        String id = message.info().id();
        String[] parts = id.substring(1).split("-");
        int c = Integer.parseInt(parts[0]);
        int m = Integer.parseInt(parts[1]);
        return message.info().chat().toString().equals(GeneratedHistory.chat(c))
                && message.text().startsWith(GeneratedHistory.textPrefix(c, m))
                && message.info().fromMe() == (m % 4 == 0);
    }
}
