package io.tryx.bridge.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.common.v1.MessageContext;
import io.tryx.common.v1.MessageKey;
import io.tryx.common.v1.QuotedMessage;
import io.tryx.common.v1.TextContent;
import io.tryx.commands.v1.BlobRef;
import io.tryx.commands.v1.CommandFailed;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.MediaSource;
import io.tryx.commands.v1.MediaUrl;
import io.tryx.commands.v1.OutgoingAudio;
import io.tryx.commands.v1.OutgoingDocument;
import io.tryx.commands.v1.OutgoingImage;
import io.tryx.commands.v1.OutgoingSticker;
import io.tryx.commands.v1.OutgoingVideo;
import io.tryx.commands.v1.messages.SendMessage;
import io.tryx.protocol.media.MediaDecryptor;
import io.tryx.protocol.media.MediaType;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static io.tryx.bridge.runtime.BridgeFixture.WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Media through the bridge, against the simulator: the mock phone's media of every kind reach a plain consumer
 * (registry only, {@link GenericRecord}) that downloads and decrypts the file from the record's fields alone; media
 * commands fetch a URL (a JDK {@link HttpServer} here), upload and send, and the phone's inbox shows the source's
 * SHA-256; a failed fetch is one typed result and the consumer keeps serving; context and view-once travel on media.
 */
@ExtendWith(KafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeMediaTest {

    private static final String PAT = "15550004109";

    private final KafkaTestEnvironment env;
    private Simulator simulator;
    private BridgeFixture fixture;
    private PhoneMediaAdmin phone;
    private HttpServer files;
    private HttpClient mediaHost;
    private String ann;
    private String bob;
    private String pat;

    BridgeMediaTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        simulator = Simulator.start(SimulatorConfig.defaults());
        fixture = new BridgeFixture(env, simulator, dataDir);
        fixture.startBridge();
        phone = new PhoneMediaAdmin(simulator.adminUrl());
        mediaHost = HttpClient.newBuilder().sslContext(trusting(simulator.tlsCertificatePem())).build();
        files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        files.start();
        ann = fixture.linkByQr("15550004101");
        bob = fixture.linkByQr("15550004102");
        pat = fixture.admin.createAccount(PAT, "Pat");
    }

    @AfterAll
    void stop() {
        if (files != null) {
            files.stop(0);
        }
        if (mediaHost != null) {
            mediaHost.close();
        }
        if (phone != null) {
            phone.close();
        }
        fixture.close();
        simulator.close();
    }

    @Test
    void phoneMediaOfEveryKindIsDownloadedAndDecryptedByAPlainConsumerFromTheRecordAlone() throws Exception {
        byte[] thumbnail = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
        var image = phone.send(PAT, Map.of("to", ann, "type", "image", "size", 40_000, "seed", 1, "caption", "the view",
                "jpegThumbnail", Base64.getEncoder().encodeToString(thumbnail)));
        var video = phone.send(PAT, Map.of("to", ann, "type", "video", "size", 70_000, "seed", 2, "caption", "a clip"));
        var voice = phone.send(PAT, Map.of("to", ann, "type", "audio", "size", 20_000, "seed", 3, "ptt", true));
        var document = phone.send(PAT, Map.of("to", ann, "type", "document", "size", 300_000, "seed", 4,
                "mimetype", "application/pdf", "fileName", "report.pdf", "caption", "Q3 numbers"));
        var sticker = phone.send(PAT, Map.of("to", ann, "type", "sticker", "size", 9_000, "seed", 5));

        List<GenericRecord> events = fixture.messages.await(r -> r.key().equals(ann + "|" + pat), 5, WITHIN).stream()
                .map(ConsumerRecord::value).toList();
        assertThat(events).extracting(e -> ((GenericRecord) e.get("key")).get("id").toString())
                .containsExactly(image.id(), video.id(), voice.id(), document.id(), sticker.id());

        GenericRecord imageContent = content(events.get(0), "ImageContent");
        assertThat(decryptedSha256(imageContent, MediaType.IMAGE)).isEqualTo(image.sha256());
        assertThat(imageContent.get("caption")).hasToString("the view");
        assertThat(bytes(imageContent.get("thumbnailJpeg"))).isEqualTo(thumbnail);
        assertThat(media(imageContent).get("mimetype")).hasToString("image/jpeg");
        assertThat(media(imageContent).get("fileLength")).isEqualTo(40_000L);

        GenericRecord videoContent = content(events.get(1), "VideoContent");
        assertThat(decryptedSha256(videoContent, MediaType.VIDEO)).isEqualTo(video.sha256());
        assertThat(videoContent.get("caption")).hasToString("a clip");
        assertThat(videoContent.get("gifPlayback")).isEqualTo(false);

        GenericRecord voiceContent = content(events.get(2), "AudioContent");
        assertThat(decryptedSha256(voiceContent, MediaType.VOICE_NOTE)).isEqualTo(voice.sha256());
        assertThat(voiceContent.get("voice")).isEqualTo(true);
        assertThat(media(voiceContent).get("mimetype")).hasToString("audio/ogg; codecs=opus");

        GenericRecord documentContent = content(events.get(3), "DocumentContent");
        assertThat(decryptedSha256(documentContent, MediaType.DOCUMENT)).isEqualTo(document.sha256());
        assertThat(documentContent.get("fileName")).hasToString("report.pdf");
        assertThat(documentContent.get("caption")).hasToString("Q3 numbers");
        assertThat(media(documentContent).get("mimetype")).hasToString("application/pdf");
        assertThat(media(documentContent).get("fileLength")).isEqualTo(300_000L);

        GenericRecord stickerContent = content(events.get(4), "StickerContent");
        assertThat(decryptedSha256(stickerContent, MediaType.STICKER)).isEqualTo(sticker.sha256());
        assertThat(media(stickerContent).get("mimetype")).hasToString("image/webp");
    }

    @Test
    void mediaSentByUrlArriveAtThePhoneWithTheSourcesBytes() throws Exception {
        byte[] picture = serve("/sunset.png", "image/png", 50_000, 11);
        byte[] pdf = serve("/report.pdf", "application/pdf", 120_000, 12);
        byte[] note = serve("/note.ogg", "audio/ogg; codecs=opus", 15_000, 13);
        byte[] webp = serve("/smile.webp", "application/octet-stream", 8_000, 14);

        CommandSucceeded sentImage = succeeded(fixture.send(ann, SendMessage.newBuilder().setChat(pat)
                .setContent(OutgoingImage.newBuilder().setMedia(url("/sunset.png")).setCaption("sunset").build()).build()));
        CommandSucceeded sentDocument = succeeded(fixture.send(ann, SendMessage.newBuilder().setChat(pat)
                .setContent(OutgoingDocument.newBuilder().setMedia(url("/report.pdf")).setFileName("report.pdf")
                        .setCaption("the numbers").build()).build()));
        CommandSucceeded sentNote = succeeded(fixture.send(ann, SendMessage.newBuilder().setChat(pat)
                .setContent(OutgoingAudio.newBuilder().setMedia(url("/note.ogg")).setVoice(true).build()).build()));
        CommandSucceeded sentSticker = succeeded(fixture.send(ann, SendMessage.newBuilder().setChat(pat)
                .setContent(OutgoingSticker.newBuilder().setMedia(url("/smile.webp")).build()).build()));
        assertThat(sentImage.getServerTimestamp()).isPresent();

        JsonNode imageEntry = inboxEntry(sentImage.getMessageId().orElseThrow());
        assertThat(imageEntry.path("type").asText()).isEqualTo("image");
        assertThat(imageEntry.path("from").asText()).startsWith(ann.split("@")[0]);
        assertThat(imageEntry.path("mimetype").asText()).isEqualTo("image/png");
        assertThat(imageEntry.path("caption").asText()).isEqualTo("sunset");
        assertThat(imageEntry.path("size").asLong()).isEqualTo(picture.length);
        assertThat(imageEntry.path("sha256").asText()).isEqualTo(sha256Hex(picture));

        JsonNode documentEntry = inboxEntry(sentDocument.getMessageId().orElseThrow());
        assertThat(documentEntry.path("type").asText()).isEqualTo("document");
        assertThat(documentEntry.path("mimetype").asText()).isEqualTo("application/pdf");
        assertThat(documentEntry.path("fileName").asText()).isEqualTo("report.pdf");
        assertThat(documentEntry.path("caption").asText()).isEqualTo("the numbers");
        assertThat(documentEntry.path("size").asLong()).isEqualTo(pdf.length);
        assertThat(documentEntry.path("sha256").asText()).isEqualTo(sha256Hex(pdf));

        JsonNode noteEntry = inboxEntry(sentNote.getMessageId().orElseThrow());
        assertThat(noteEntry.path("type").asText()).isEqualTo("audio");
        assertThat(noteEntry.path("ptt").asBoolean()).isTrue();
        assertThat(noteEntry.path("sha256").asText()).isEqualTo(sha256Hex(note));

        JsonNode stickerEntry = inboxEntry(sentSticker.getMessageId().orElseThrow());
        assertThat(stickerEntry.path("type").asText()).isEqualTo("sticker");
        assertThat(stickerEntry.path("mimetype").asText()).as("an untyped answer takes the kind's type").isEqualTo("image/webp");
        assertThat(stickerEntry.path("sha256").asText()).isEqualTo(sha256Hex(webp));
    }

    @Test
    void mediaAlreadyOnWhatsAppIsForwardedByItsReferenceWithoutFetchingOrUploading() throws Exception {
        var original = phone.send(PAT, Map.of("to", ann, "type", "image", "size", 30_000, "seed", 21, "caption", "original"));
        GenericRecord received = fixture.messages.await(r -> r.key().equals(ann + "|" + pat)
                && ((GenericRecord) r.value().get("key")).get("id").toString().equals(original.id()), WITHIN).value();
        GenericRecord media = media(content(received, "ImageContent"));
        io.tryx.common.v1.MediaInfo reference = io.tryx.common.v1.MediaInfo.newBuilder()
                .setDirectPath(media.get("directPath").toString())
                .setMediaKey(ByteBuffer.wrap(bytes(media.get("mediaKey"))))
                .setFileSha256(ByteBuffer.wrap(bytes(media.get("fileSha256"))))
                .setFileEncSha256(ByteBuffer.wrap(bytes(media.get("fileEncSha256"))))
                .setFileLength((Long) media.get("fileLength"))
                .setMimetype(media.get("mimetype").toString())
                .build();

        CommandSucceeded forwarded = succeeded(fixture.send(ann, SendMessage.newBuilder().setChat(pat)
                .setContent(OutgoingImage.newBuilder().setMedia(MediaSource.newBuilder().setLocation(reference).build())
                        .setCaption("forwarded").build()).build()));

        JsonNode entry = inboxEntry(forwarded.getMessageId().orElseThrow());
        assertThat(entry.path("type").asText()).isEqualTo("image");
        assertThat(entry.path("caption").asText()).isEqualTo("forwarded");
        assertThat(entry.path("sha256").asText()).as("the phone downloaded and decrypted the same blob")
                .isEqualTo(original.sha256());

        CommandFailed badKey = failed(fixture.send(ann, SendMessage.newBuilder().setChat(pat)
                .setContent(OutgoingImage.newBuilder().setMedia(MediaSource.newBuilder().setLocation(
                        io.tryx.common.v1.MediaInfo.newBuilder(reference).setMediaKey(ByteBuffer.wrap(new byte[5])).build())
                        .build()).build()).build()));
        assertThat(badKey.getCode().name()).isEqualTo("INVALID_COMMAND");
        assertThat(badKey.getMessage()).contains("mediaKey");
    }

    @Test
    void aFailedFetchIsOneTypedResultAndTheConsumerKeepsServing() {
        String missing = fixture.send(ann, SendMessage.newBuilder().setChat(pat)
                .setContent(OutgoingImage.newBuilder().setMedia(url("/missing.png")).build()).build());
        CommandFailed notFound = failed(missing);
        assertThat(notFound.getCode().name()).isEqualTo("MEDIA_FAILED");
        assertThat(notFound.getServerCode()).contains(404);
        assertThat(notFound.getMessage()).contains("HTTP 404").contains("/missing.png");
        assertThat(notFound.getRetryable()).isFalse();

        CommandFailed blob = failed(fixture.send(ann, SendMessage.newBuilder().setChat(pat)
                .setContent(OutgoingImage.newBuilder().setMedia(MediaSource.newBuilder()
                        .setLocation(BlobRef.newBuilder().setBlobId("b-1").build()).build()).build()).build()));
        assertThat(blob.getCode().name()).isEqualTo("UNSUPPORTED");
        assertThat(blob.getMessage()).contains("no blob store");
        CommandFailed ftp = failed(fixture.send(ann, SendMessage.newBuilder().setChat(pat)
                .setContent(OutgoingImage.newBuilder().setMedia(MediaSource.newBuilder()
                        .setLocation(MediaUrl.newBuilder().setUrl("ftp://example.org/a.png").build()).build()).build())
                .build()));
        assertThat(ftp.getCode().name()).isEqualTo("INVALID_COMMAND");
        CommandFailed viewOnceDocument = failed(fixture.send(ann, SendMessage.newBuilder().setChat(pat).setViewOnce(true)
                .setContent(OutgoingDocument.newBuilder().setMedia(url("/missing.pdf")).setFileName("x.pdf").build()).build()));
        assertThat(viewOnceDocument.getCode().name()).isEqualTo("INVALID_COMMAND");

        String after = fixture.send(ann, SendMessage.newBuilder().setChat(pat)
                .setContent(TextContent.newBuilder().setText("still here").build()).build());
        succeeded(after);
        assertThat(fixture.results.seen()).filteredOn(r -> r.value().getCommandId().equals(missing)).hasSize(1);
    }

    @Test
    void mediaCarriesItsReplyContextAndTheViewOnceFlagToAnotherBridgeAccount() throws Exception {
        serve("/loop.mp4", "video/mp4", 30_000, 21);
        serve("/once.jpg", "image/jpeg", 20_000, 22);
        String first = succeeded(fixture.send(ann, SendMessage.newBuilder().setChat(bob)
                .setContent(TextContent.newBuilder().setText("look at this").build()).build())).getMessageId().orElseThrow();
        MessageContext reply = MessageContext.newBuilder().setQuoted(QuotedMessage.newBuilder()
                .setKey(MessageKey.newBuilder().setChat(bob).setId(first).setFromMe(true).build()).setText("look at this")
                .build()).setMentions(List.of(bob)).build();
        String gif = succeeded(fixture.send(ann, SendMessage.newBuilder().setChat(bob).setContext(reply)
                .setContent(OutgoingVideo.newBuilder().setMedia(url("/loop.mp4")).setGifPlayback(true).build()).build()))
                .getMessageId().orElseThrow();
        String once = succeeded(fixture.send(ann, SendMessage.newBuilder().setChat(bob).setViewOnce(true)
                .setContent(OutgoingImage.newBuilder().setMedia(url("/once.jpg")).build()).build()))
                .getMessageId().orElseThrow();

        GenericRecord gifEvent = messageAtBob(gif);
        GenericRecord video = content(gifEvent, "VideoContent");
        assertThat(video.get("gifPlayback")).isEqualTo(true);
        GenericRecord context = (GenericRecord) gifEvent.get("context");
        assertThat(((GenericRecord) ((GenericRecord) context.get("quoted")).get("key")).get("id")).hasToString(first);
        assertThat((List<?>) context.get("mentions")).extracting(Object::toString).containsExactly(bob);
        assertThat(decryptedSha256(video, MediaType.GIF)).isEqualTo(sha256Hex(bytes(30_000, 21)));

        GenericRecord onceEvent = messageAtBob(once);
        assertThat(onceEvent.get("viewOnce")).isEqualTo(true);
        assertThat(decryptedSha256(content(onceEvent, "ImageContent"), MediaType.IMAGE))
                .isEqualTo(sha256Hex(bytes(20_000, 22)));
    }

    private GenericRecord messageAtBob(String id) {
        return fixture.messages.await(r -> r.key().equals(bob + "|" + ann)
                && ((GenericRecord) r.value().get("key")).get("id").toString().equals(id), WITHIN).value();
    }

    /** Downloads the blob the record names over HTTPS and decrypts it with the record's key; the plaintext's hex SHA-256. */
    private String decryptedSha256(GenericRecord content, MediaType type) throws Exception {
        GenericRecord media = media(content);
        HttpResponse<InputStream> response = mediaHost.send(HttpRequest.newBuilder(URI.create(media.get("url").toString()))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.uri().getRawPath()).isEqualTo(URI.create(media.get("directPath").toString()).getRawPath());
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long length;
        try (InputStream in = response.body(); OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
            length = MediaDecryptor.decrypt(in, out, MediaDecryptor.start(bytes(media.get("mediaKey")), type,
                    bytes(media.get("fileSha256")), bytes(media.get("fileEncSha256"))));
        }
        assertThat(length).isEqualTo(media.get("fileLength"));
        byte[] digest = sha256.digest();
        assertThat(digest).isEqualTo(bytes(media.get("fileSha256")));
        return HexFormat.of().formatHex(digest);
    }

    private JsonNode inboxEntry(String id) {
        return await().atMost(WITHIN).until(() -> phone.inbox(PAT).stream().filter(e -> e.path("id").asText().equals(id))
                .filter(e -> e.has("sha256") || e.has("mediaError")).findFirst(), Optional::isPresent).orElseThrow();
    }

    /** Serves {@code size} generated bytes at {@code path} with {@code contentType}; returns them. */
    private byte[] serve(String path, String contentType, int size, int seed) {
        byte[] body = bytes(size, seed);
        files.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        return body;
    }

    private MediaSource url(String path) {
        return MediaSource.newBuilder().setLocation(MediaUrl.newBuilder()
                .setUrl("http://127.0.0.1:" + files.getAddress().getPort() + path).build()).build();
    }

    private CommandSucceeded succeeded(String commandId) {
        Object status = fixture.result(commandId).getStatus();
        assertThat(status).as("%s", status).isInstanceOf(CommandSucceeded.class);
        return (CommandSucceeded) status;
    }

    private CommandFailed failed(String commandId) {
        Object status = fixture.result(commandId).getStatus();
        assertThat(status).as("%s", status).isInstanceOf(CommandFailed.class);
        return (CommandFailed) status;
    }

    private static GenericRecord content(GenericRecord event, String kind) {
        GenericRecord content = (GenericRecord) event.get("content");
        assertThat(content.getSchema().getName()).isEqualTo(kind);
        return content;
    }

    private static GenericRecord media(GenericRecord content) {
        return (GenericRecord) content.get("media");
    }

    private static byte[] bytes(Object avroBytes) {
        ByteBuffer buffer = ((ByteBuffer) avroBytes).duplicate();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    private static byte[] bytes(int size, int seed) {
        byte[] out = new byte[size];
        new SplittableRandom(seed).nextBytes(out);
        return out;
    }

    private static String sha256Hex(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static SSLContext trusting(String pem) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("simulator", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
