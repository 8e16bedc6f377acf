package io.tryx.protocol.transport;

import io.tryx.protocol.cert.CertChainVerifier;
import io.tryx.protocol.noise.FrameDecoder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransportConfigTest {

    @Test
    void defaultsReachProductionWhatsApp() {
        TransportConfig config = TransportConfig.builder().build();
        assertThat(config.uri()).isEqualTo(URI.create("wss://web.whatsapp.com/ws/chat"));
        assertThat(config.origin()).isEqualTo("https://web.whatsapp.com");
        assertThat(config.trustedRoot()).isEqualTo(CertChainVerifier.WHATSAPP_ROOT_KEY);
        assertThat(config.secure()).isTrue();
        assertThat(config.port()).isEqualTo(443);
        assertThat(config.proxy()).isEmpty();
        assertThat(config.maxFrameSize()).isEqualTo(FrameDecoder.MAX_FRAME_SIZE);
        assertThat(config.connectionHeader().hasRoutingInfo()).isFalse();
    }

    @Test
    void routingInfoMakesARoutedHeaderAndIsCopied() {
        byte[] routing = {1, 2, 3};
        TransportConfig config = TransportConfig.builder().routingInfo(routing).build();
        routing[0] = 9;
        assertThat(config.routingInfo()).containsExactly(1, 2, 3);
        assertThat(config.connectionHeader().routingInfo()).containsExactly(1, 2, 3);
        assertThat(config.toBuilder().build().routingInfo()).containsExactly(1, 2, 3);
    }

    @Test
    void plainWebSocketDefaultsToPort80() {
        assertThat(TransportConfig.builder().uri("ws://sim.local/ws/chat").build().port()).isEqualTo(80);
    }

    @Test
    void invalidValuesAreRejectedWithClearMessages() {
        assertThatThrownBy(() -> TransportConfig.builder().uri("https://web.whatsapp.com/ws/chat").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ws:// or wss://");
        assertThatThrownBy(() -> TransportConfig.builder().trustedRoot(new byte[31]).build())
                .hasMessageContaining("32-byte");
        assertThatThrownBy(() -> TransportConfig.builder().connectTimeout(Duration.ZERO).build())
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> TransportConfig.builder().maxFrameSize(FrameDecoder.MAX_FRAME_SIZE + 1).build())
                .hasMessageContaining("maxFrameSize");
        assertThatThrownBy(() -> TransportConfig.builder().routingInfo(new byte[5000]).build())
                .hasMessageContaining("routingInfo");
        assertThatThrownBy(() -> TransportConfig.builder().maxPendingOutboundBytes(0).build())
                .hasMessageContaining("maxPendingOutboundBytes");
        assertThatThrownBy(() -> ProxyConfig.Http.of("proxy", 0)).hasMessageContaining("port");
        assertThatThrownBy(() -> ProxyConfig.Socks5.of(" ", 1080)).hasMessageContaining("host");
    }
}
