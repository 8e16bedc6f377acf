package io.tryx.simulator.transport;

import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the server ends a stream, a client that is still writing must not be reset: a reset can destroy the
 * client's socket before it has read the server's last frame (Baileys then took the 515 that follows pairing
 * for a dropped connection and never logged in). Driven over a raw socket: a WebSocket upgrade, a bad Noise
 * intro (which ends the stream), then writes the client makes before it noticed.
 */
class StreamEndTest {

    private Simulator simulator;

    @BeforeEach
    void start() throws Exception {
        simulator = Simulator.start(SimulatorConfig.defaults());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void endingAStreamDrainsWhatTheClientStillSendsAndClosesWithoutAReset() throws Exception {
        URI chat = URI.create(simulator.chatUrl());
        try (Socket socket = new Socket(chat.getHost(), chat.getPort())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("GET " + chat.getPath() + " HTTP/1.1\r\nHost: " + chat.getHost() + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(responseHead(in)).startsWith("HTTP/1.1 101");

            // the first message is no Noise intro: the server ends the stream with a WebSocket close, then FIN
            out.write(maskedBinaryFrame(new byte[16]));
            byte[] close = in.readNBytes(2);
            assertThat(close[0] & 0xFF).as("the server's WebSocket close").isEqualTo(0x88);
            assertThat(in.readNBytes(close[1])).as("status 1000").startsWith(0x03, 0xE8);
            assertThat(in.read()).as("end of the server's stream").isEqualTo(-1);

            // a client that has not noticed yet goes on writing, as Baileys does (acks, presence). A server that
            // had closed its socket would answer with RST and never read: 8 MB outgrow any send buffer, so the
            // writes would block until the reset and fail with a broken pipe. Instead they are read and dropped.
            for (int i = 0; i < 2048; i++) {
                out.write(maskedBinaryFrame(new byte[4096]));
            }
            out.flush();
            socket.shutdownOutput();
        }
    }

    private static String responseHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("upgrade response ended early: %s", head).isNotNegative();
            head.append((char) b);
        }
        return head.toString();
    }

    /** One client-to-server binary frame (clients must mask; the mask is zero, which leaves bytes as they are). */
    private static byte[] maskedBinaryFrame(byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x82);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xFF);
        }
        frame.writeBytes(new byte[4]);
        frame.writeBytes(payload);
        return frame.toByteArray();
    }
}
