package io.tryx.simulator.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.tryx.protocol.media.EncryptedMedia;
import io.tryx.protocol.media.MediaDecryptor;
import io.tryx.protocol.media.MediaEncryptor;
import io.tryx.protocol.media.MediaType;
import io.tryx.simulator.tls.SelfSignedTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.net.ssl.TrustManagerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTPS media host on its own: uploads checked against their token, downloads by direct path, refusals. */
class MediaServerTest {

    private static final long LIMIT = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final SelfSignedTls tls = SelfSignedTls.generate("127.0.0.1", Instant.now());
    private final MediaAuth auth = new MediaAuth(InstantSource.system());
    private final MediaBlobs blobs = new MediaBlobs();
    private MediaServer server;
    private HttpClient http;

    @BeforeEach
    void start() throws Exception {
        server = new MediaServer(group, group, "127.0.0.1", 0, tls.serverContext(), blobs, auth, LIMIT);
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("simulator", tls.certificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        http = HttpClient.newBuilder().sslContext(context).build();
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        blobs.close();
    }

    private HttpResponse<byte[]> upload(String path, String authToken, byte[] body) throws Exception {
        String uri = server.url() + path + (authToken == null ? "" : "?auth=" + authToken);
        return http.send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String token(byte[] body, boolean padded) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
        Base64.Encoder encoder = padded ? Base64.getUrlEncoder() : Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(digest);
    }

    private static String error(HttpResponse<byte[]> response) throws Exception {
        return JSON.readTree(response.body()).path("error").asText();
    }

    @Test
    void encryptedMediaUploadedWithEitherTokenStyleDownloadsByDirectPathAndDecrypts() throws Exception {
        byte[] plain = new byte[100_000];
        RANDOM.nextBytes(plain);
        byte[] mediaKey = new byte[32];
        RANDOM.nextBytes(mediaKey);
        ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
        EncryptedMedia encrypted = MediaEncryptor.encrypt(new ByteArrayInputStream(plain), ciphertext,
                MediaEncryptor.start(mediaKey, MediaType.DOCUMENT));
        byte[] uploaded = ciphertext.toByteArray();
        for (boolean padded : new boolean[]{true, false}) {
            String token = token(uploaded, padded);
            HttpResponse<byte[]> answer = upload("/mms/document/" + token, auth.issue(), uploaded);
            assertThat(answer.statusCode()).as(new String(answer.body())).isEqualTo(200);
            JsonNode json = JSON.readTree(answer.body());
            String directPath = json.path("direct_path").asText();
            assertThat(directPath).startsWith("/v/t62.7118-24/").contains(".enc?");
            assertThat(json.path("url").asText()).startsWith(server.url() + "/v/t62.7118-24/");

            HttpResponse<byte[]> download = get(directPath + "&hash=x&mms-type=document&__wa-mms=");
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(uploaded);
            ByteArrayOutputStream decrypted = new ByteArrayOutputStream();
            MediaDecryptor.decrypt(new ByteArrayInputStream(download.body()), decrypted,
                    MediaDecryptor.start(mediaKey, MediaType.DOCUMENT, encrypted.fileSha256(), encrypted.fileEncSha256()));
            assertThat(decrypted.toByteArray()).isEqualTo(plain);
        }
        assertThat(blobs.count()).isEqualTo(2);
    }

    @Test
    void uploadsWithoutALiveAuthTokenAreRefused() throws Exception {
        byte[] body = {1, 2, 3};
        assertThat(upload("/mms/image/" + token(body, false), null, body).statusCode()).isEqualTo(401);
        HttpResponse<byte[]> forged = upload("/mms/image/" + token(body, false), "forged", body);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(error(forged)).isEqualTo("unauthorized");
        assertThat(blobs.count()).isZero();
    }

    @Test
    void aBodyThatDoesNotMatchItsTokenIsRefusedAndNotStored() throws Exception {
        HttpResponse<byte[]> answer = upload("/mms/image/" + token(new byte[]{9}, false), auth.issue(), new byte[]{1, 2});
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(error(answer)).isEqualTo("hash-mismatch");
        HttpResponse<byte[]> malformed = upload("/mms/image/not-a-digest", auth.issue(), new byte[]{1});
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(error(malformed)).isEqualTo("invalid-token");
        assertThat(blobs.count()).isZero();
    }

    @Test
    void uploadsOverTheLimitAreRefusedWith413() throws Exception {
        byte[] body = new byte[(int) LIMIT + 1];
        HttpResponse<byte[]> answer = upload("/mms/video/" + token(body, false), auth.issue(), body);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(error(answer)).isEqualTo("too-large");
        assertThat(blobs.count()).isZero();
    }

    @Test
    void unknownPathsAndMethodsAreRefusedAndTheServerKeepsServing() throws Exception {
        assertThat(get("/v/t62.7118-24/unknown.enc?ccb=11-4").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> put = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/mms/image/x"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[]{1})).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(upload("/elsewhere/a/b", auth.issue(), new byte[]{1}).statusCode()).isEqualTo(404);
        byte[] body = {4, 5, 6};
        assertThat(upload("/mms/audio/" + token(body, true), auth.issue(), body).statusCode()).isEqualTo(200);
    }
}
