package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.updates.UpdateEvent;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;

import javax.imageio.ImageIO;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An in-process simulator with accounts and our clients linked to them, each recording its
 * {@link UpdateEvent}s; for the social namespace tests. Closes everything it made.
 */
final class SocialClients implements AutoCloseable {

    static final Duration WITHIN = Duration.ofSeconds(20);

    /** One linked client and the updates it reported, in order. */
    record Peer(String phone, Linked linked, List<UpdateEvent> updates) {

        WhatsAppClient client() {
            return linked.client();
        }

        /** The account's phone-number JID. */
        Jid user() {
            return Jid.parse(phone + "@s.whatsapp.net");
        }

        /** The account's LID (without device). */
        Jid lid() {
            return linked.connected().lid().toNonAd();
        }

        <T extends UpdateEvent> List<T> updates(Class<T> kind) {
            return updates.stream().filter(kind::isInstance).map(kind::cast).toList();
        }
    }

    final Simulator simulator;
    final AdminClient admin;
    final ClientHarness clients;

    SocialClients(String... phones) throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey());
        for (String phone : phones) {
            AdminClient.Answer created = admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "User " + phone));
            assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        }
    }

    /** Links a new companion of ours to {@code phone}'s account. */
    Peer link(String phone) {
        Linked linked = Linked.link(clients, admin, phone, new InMemoryAccountStore(phone + "-" + System.nanoTime()));
        List<UpdateEvent> updates = new CopyOnWriteArrayList<>();
        linked.client().addUpdateListener(updates::add);
        return new Peer(phone, linked, updates);
    }

    /** Makes two accounts contacts (the privacy value "contacts" and who hears of status and picture changes). */
    void makeContacts(String a, String b) {
        AdminClient.Answer answer = admin.post("/admin/accounts/" + a + "/contacts", Map.of("jid", b + "@s.whatsapp.net"));
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    }

    /** {@code GET /admin/accounts/{phone}/{what}}, expecting 200. */
    JsonNode get(String phone, String what) {
        AdminClient.Answer answer = admin.get("/admin/accounts/" + phone + "/" + what);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** {@code POST /admin/accounts/{phone}/{what}}, expecting 200. */
    JsonNode post(String phone, String what, Object body) {
        AdminClient.Answer answer = admin.post("/admin/accounts/" + phone + "/" + what, body);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** Waits for {@code future}, failing the test after {@link #WITHIN}. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("operation failed: " + e, e);
        }
    }

    /** A {@code size}x{@code size} JPEG of one colour. */
    static byte[] jpeg(int size, Color colour) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(colour);
        graphics.fillRect(0, 0, size, size);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An HTTPS GET on the media host (trusting the simulator's certificate): status and body. */
    HttpResponse<byte[]> download(URI url) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("simulator", simulator.tlsCertificate());
        TrustManagerFactory factory = TrustManagerFactory
                .getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        try (HttpClient http = HttpClient.newBuilder().sslContext(context).build()) {
            return http.send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    /** The failure of {@code future} (unwrapped), failing the test when it succeeds. */
    static Throwable failure(CompletableFuture<?> future) {
        try {
            Object value = future.get(WITHIN.toSeconds(), TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + value);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("no answer: " + e, e);
        }
    }

    @Override
    public void close() {
        clients.close();
        simulator.close();
    }
}
