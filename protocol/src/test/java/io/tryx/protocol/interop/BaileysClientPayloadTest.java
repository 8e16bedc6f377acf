package io.tryx.protocol.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.login.ClientPayloads;
import io.tryx.protocol.login.ClientVersion;
import io.tryx.protocol.login.RegistrationKeys;
import io.tryx.protocol.proto.CompanionProto.DeviceProps;
import io.tryx.protocol.proto.HandshakeProto.ClientPayload;
import io.tryx.protocol.signal.IdentityKeyPair;
import io.tryx.protocol.signal.KeyHelper;
import io.tryx.protocol.signal.SignedPreKeyRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Our registration and login payloads equal what Baileys' generateRegistrationNode/generateLoginNode build. */
class BaileysClientPayloadTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void registrationAndLoginMatchBaileys() throws Exception {
        SecureRandom random = new SecureRandom();
        IdentityKeyPair identity = IdentityKeyPair.generate(random);
        SignedPreKeyRecord signed = KeyHelper.generateSignedPreKey(identity, 0x010203, 0, random);
        int registrationId = KeyHelper.generateRegistrationId(random);
        Jid jid = Jid.parse("15550001111:7@s.whatsapp.net");
        ClientVersion version = ClientVersion.parse("2.3000.1027934701");

        String request = new ObjectMapper().writeValueAsString(Map.of(
                "version", List.of(version.primary(), version.secondary(), version.tertiary()),
                "browser", List.of("Tryx", "Chrome", "1"),
                "registrationId", registrationId,
                "identityPublic", HEX.formatHex(identity.publicKey().publicKey()),
                "signedPreKeyId", signed.id(),
                "signedPreKeyPublic", HEX.formatHex(signed.keyPair().publicKey()),
                "signedPreKeySignature", HEX.formatHex(signed.signature()),
                "jid", jid.toString()));
        JsonNode answer = new ObjectMapper().readTree(
                NodePeer.run("client-payload-peer.mjs", request.getBytes(StandardCharsets.UTF_8)));
        ClientPayload baileysRegistration = ClientPayload.parseFrom(HEX.parseHex(answer.get("registration").asText()));
        ClientPayload baileysLogin = ClientPayload.parseFrom(HEX.parseHex(answer.get("login").asText()));

        ClientPayloads payloads = new ClientPayloads(version, "Tryx");
        ClientPayload ours = payloads.registration(new RegistrationKeys(registrationId, identity, signed));
        assertThat(DeviceProps.parseFrom(ours.getDevicePairingData().getDeviceProps()))
                .isEqualTo(DeviceProps.parseFrom(baileysRegistration.getDevicePairingData().getDeviceProps()));
        assertThat(withoutDeviceProps(ours)).isEqualTo(withoutDeviceProps(baileysRegistration));
        assertThat(payloads.login(jid)).isEqualTo(baileysLogin);
    }

    private static ClientPayload withoutDeviceProps(ClientPayload payload) {
        return payload.toBuilder().setDevicePairingData(payload.getDevicePairingData().toBuilder().clearDeviceProps()).build();
    }

}
