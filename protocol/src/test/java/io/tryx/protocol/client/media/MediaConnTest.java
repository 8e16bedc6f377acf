package io.tryx.protocol.client.media;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code media_conn} IQ and its answer. */
class MediaConnTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theRequestIsASetInTheMediaNamespaceToTheServer() {
        Node iq = MediaConn.request("42");
        assertThat(iq.attrs().string("xmlns")).isEqualTo("w:m");
        assertThat(iq.attrs().string("type")).isEqualTo("set");
        assertThat(iq.attrs().string("to")).isEqualTo("s.whatsapp.net");
        assertThat(iq.attrs().string("id")).isEqualTo("42");
        assertThat(iq.child("media_conn")).isPresent();
    }

    @Test
    void anAnswerGivesAuthTtlAndHostsInOrder() {
        MediaConn conn = MediaConn.parse(answer(Node.builder("media_conn").attr("auth", "AUTH").attr("ttl", "300")
                .attr("auth_ttl", "21600").attr("max_buckets", "12")
                .children(host("mmg.whatsapp.net"), Node.of("other"), host("media-fra.cdn.whatsapp.net")).build()), NOW);
        assertThat(conn.auth()).isEqualTo("AUTH");
        assertThat(conn.hosts()).isEqualTo(List.of("mmg.whatsapp.net", "media-fra.cdn.whatsapp.net"));
        assertThat(conn.authTtl()).isEqualTo(Duration.ofHours(6));
        assertThat(conn.expiresAt()).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void anAnswerWithoutAuthTtlOrHostsIsRefused() {
        assertThatThrownBy(() -> MediaConn.parse(answer(Node.builder("media_conn").attr("ttl", "300")
                .children(host("h")).build()), NOW)).isInstanceOf(ProtocolException.class).hasMessageContaining("auth");
        assertThatThrownBy(() -> MediaConn.parse(answer(Node.builder("media_conn").attr("auth", "A")
                .children(host("h")).build()), NOW)).isInstanceOf(ProtocolException.class).hasMessageContaining("ttl");
        assertThatThrownBy(() -> MediaConn.parse(answer(Node.builder("media_conn").attr("auth", "A").attr("ttl", "1")
                .build()), NOW)).isInstanceOf(ProtocolException.class).hasMessageContaining("hosts");
        assertThatThrownBy(() -> MediaConn.parse(Node.of("iq"), NOW)).isInstanceOf(ProtocolException.class);
    }

    private static Node answer(Node conn) {
        return Node.builder("iq").attr("type", "result").children(conn).build();
    }

    private static Node host(String name) {
        return Node.builder("host").attr("hostname", name).build();
    }
}
