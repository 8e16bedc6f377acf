package io.tryx.protocol.login;

import io.tryx.protocol.crypto.Digests;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.CompanionProto.DeviceProps;
import io.tryx.protocol.proto.HandshakeProto.ClientPayload;
import io.tryx.protocol.signal.IdentityKeyPair;
import io.tryx.protocol.signal.KeyHelper;
import io.tryx.protocol.signal.SignedPreKeyRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientPayloadsTest {

    private final ClientVersion version = ClientVersion.parse("2.3000.1027934701");
    private final ClientPayloads payloads = new ClientPayloads(version);
    private final SecureRandom random = new SecureRandom();

    @Test
    void registrationCarriesPairingDataFieldByField() throws Exception {
        IdentityKeyPair identity = IdentityKeyPair.generate(random);
        SignedPreKeyRecord signed = KeyHelper.generateSignedPreKey(identity, 0x010203, 1L, random);
        ClientPayload payload = payloads.registration(new RegistrationKeys(0x00003039, identity, signed));

        assertThat(payload.getPassive()).isFalse();
        assertThat(payload.getPull()).isFalse();
        assertThat(payload.hasUsername()).isFalse();
        var data = payload.getDevicePairingData();
        assertThat(data.getBuildHash().toByteArray()).isEqualTo(
                Digests.md5().digest("2.3000.1027934701".getBytes(StandardCharsets.UTF_8)));
        assertThat(data.getERegid().toByteArray()).containsExactly(0, 0, 0x30, 0x39);
        assertThat(data.getEKeytype().toByteArray()).containsExactly(5);
        assertThat(data.getEIdent().toByteArray()).isEqualTo(identity.publicKey().publicKey()).hasSize(32);
        assertThat(data.getESkeyId().toByteArray()).containsExactly(1, 2, 3);
        assertThat(data.getESkeyVal().toByteArray()).isEqualTo(signed.keyPair().publicKey());
        assertThat(data.getESkeySig().toByteArray()).isEqualTo(signed.signature()).hasSize(64);
        DeviceProps props = DeviceProps.parseFrom(data.getDeviceProps());
        assertThat(props.getPlatformType()).isEqualTo(DeviceProps.PlatformType.CHROME);
        assertThat(props.getOs()).isEqualTo("Tryx");
        assertCommon(payload);
    }

    @Test
    void loginCarriesUsernameAndDevice() {
        ClientPayload payload = payloads.login(Jid.parse("15550001111:7@s.whatsapp.net"));
        assertThat(payload.getPassive()).isTrue();
        assertThat(payload.getPull()).isTrue();
        assertThat(payload.getUsername()).isEqualTo(15550001111L);
        assertThat(payload.getDevice()).isEqualTo(7);
        assertThat(payload.hasDevicePairingData()).isFalse();
        assertCommon(payload);
    }

    @Test
    void loginRefusesNonPhoneJids() {
        assertThatThrownBy(() -> payloads.login(Jid.parse("123456789012345:3@lid")))
                .isInstanceOf(IllegalArgumentException.class).isNotNull();
        assertThatThrownBy(() -> payloads.login(Jid.parse("abc@s.whatsapp.net"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionParsesAndPrints() {
        assertThat(version.toString()).isEqualTo("2.3000.1027934701");
        assertThatThrownBy(() -> ClientVersion.parse("2.3000")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ClientPayloads.bigEndian(0x01020304, 4)).containsExactly(1, 2, 3, 4);
        assertThat(ClientPayloads.bigEndian(0xFFFFFF, 3)).containsExactly(0xFF, 0xFF, 0xFF);
    }

    private void assertCommon(ClientPayload payload) {
        var agent = payload.getUserAgent();
        assertThat(agent.getPlatform()).isEqualTo(ClientPayload.UserAgent.Platform.WEB);
        assertThat(agent.getAppVersion().getPrimary()).isEqualTo(2);
        assertThat(agent.getAppVersion().getSecondary()).isEqualTo(3000);
        assertThat(Integer.toUnsignedLong(agent.getAppVersion().getTertiary())).isEqualTo(1027934701L);
        assertThat(agent.getReleaseChannel()).isEqualTo(ClientPayload.UserAgent.ReleaseChannel.RELEASE);
        assertThat(payload.getWebInfo().getWebSubPlatform()).isEqualTo(ClientPayload.WebInfo.WebSubPlatform.WEB_BROWSER);
        assertThat(payload.getConnectType()).isEqualTo(ClientPayload.ConnectType.WIFI_UNKNOWN);
        assertThat(payload.getConnectReason()).isEqualTo(ClientPayload.ConnectReason.USER_ACTIVATED);
    }
}
