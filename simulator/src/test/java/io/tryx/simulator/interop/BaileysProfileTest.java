package io.tryx.simulator.interop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Map;

import static io.tryx.simulator.interop.BaileysPeers.within;
import static io.tryx.simulator.interop.BaileysPeers.awaitText;
import static io.tryx.simulator.interop.BaileysPeers.call;
import static io.tryx.simulator.interop.BaileysPeers.events;
import static io.tryx.simulator.interop.BaileysPeers.send;
import static io.tryx.simulator.interop.BaileysPeers.tryCall;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unmodified Baileys 7 clients: A sets its "about" text ({@code updateProfileStatus}), B reads it
 * ({@code fetchStatus}); A sets a profile picture ({@code updateProfilePicture}, resized by Baileys with sharp),
 * B is told ({@code contacts.update}), gets its URL ({@code profilePictureUrl}) and the bytes from the media host;
 * A removes it and B gets 404.
 */
class BaileysProfileTest {

    static final String PHONE_A = "15550005551";
    static final String PHONE_B = "15550005552";
    static final String A = PHONE_A + "@s.whatsapp.net";

    @Test
    void statusTextAndProfilePicture(@TempDir Path authA, @TempDir Path authB) throws Exception {
        try (BaileysPeers peers = new BaileysPeers()) {
            NodeScript a = peers.account(PHONE_A, authA);
            NodeScript b = peers.account(PHONE_B, authB);
            send(b, A, "hello A");
            awaitText(a, "hello A");

            call(a, "updateProfileStatus", "Out sailing");
            JsonNode status = call(b, "fetchStatus", A);
            assertThat(status.get(0).path("status").path("status").asText()).as("%s", status).isEqualTo("Out sailing");
            assertThat(peers.admin.get("/admin/accounts/" + PHONE_A + "/profile").body().path("status").asText())
                    .isEqualTo("Out sailing");

            long started = System.nanoTime();
            call(a, "updateProfilePicture", A, Map.of("$base64", Base64.getEncoder().encodeToString(jpeg(800, 600))));
            System.out.printf("Baileys updateProfilePicture (sharp resize + IQ) in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            within("picture change at B\n" + b).until(() -> events(b, "contacts-update").stream()
                    .anyMatch(e -> e.toString().contains("\"imgUrl\":\"changed\"")));

            String url = call(b, "profilePictureUrl", A, "image").asText();
            assertThat(url).startsWith(peers.simulator.mediaUrl());
            HttpResponse<byte[]> download = https(peers).send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(download.body()));
            assertThat(image.getWidth()).isEqualTo(640);
            assertThat(image.getHeight()).isEqualTo(640);
            String pictureId = peers.admin.get("/admin/accounts/" + PHONE_A + "/profile").body().path("pictureId").asText();
            assertThat(download.body()).isEqualTo(Files.readAllBytes(
                    peers.simulator.social().profiles().picture(peers.simulator.accounts().find(PHONE_A).orElseThrow())
                            .orElseThrow().image().file()));
            assertThat(pictureId).isNotEmpty();
            String preview = call(b, "profilePictureUrl", A).asText();
            BufferedImage small = ImageIO.read(new ByteArrayInputStream(https(peers).send(
                    HttpRequest.newBuilder(URI.create(preview)).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body()));
            assertThat(small.getWidth()).isEqualTo(96);

            call(a, "removeProfilePicture", A);
            assertThat(tryCall(b, "profilePictureUrl", A, "image").answer().path("status").asInt()).isEqualTo(404);
            assertThat(a.count("error") + b.count("error")).as("%s\n%s", a, b).isZero();
        }
    }

    private static HttpClient https(BaileysPeers peers) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("simulator", peers.simulator.tlsCertificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }

    private static byte[] jpeg(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.YELLOW);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
