package io.tryx.protocol.login;

import com.google.protobuf.ByteString;
import io.tryx.protocol.crypto.Digests;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.CompanionProto.DeviceProps;
import io.tryx.protocol.proto.HandshakeProto.ClientPayload;
import io.tryx.protocol.proto.HandshakeProto.ClientPayload.ConnectReason;
import io.tryx.protocol.proto.HandshakeProto.ClientPayload.ConnectType;
import io.tryx.protocol.proto.HandshakeProto.ClientPayload.DevicePairingRegistrationData;
import io.tryx.protocol.proto.HandshakeProto.ClientPayload.UserAgent;
import io.tryx.protocol.proto.HandshakeProto.ClientPayload.WebInfo;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Builds the ClientPayload sent in the Noise client finish, as WhatsApp Web does: the <em>registration</em>
 * payload of a device that is not linked yet (passive and pull false, device pairing data with build hash,
 * device props and the Signal keys) and the <em>login</em> payload of a linked device (passive and pull
 * true, username and device id). Both carry the same user agent and web info. Pure and deterministic.
 */
public final class ClientPayloads {

    /** Signal key type of Curve25519 keys (DJB), announced as one byte. */
    public static final byte KEY_TYPE = 5;

    private final ClientVersion version;
    private final String os;

    /** Payloads announcing {@code version}; {@code os} names the browser/OS shown on the phone's list. */
    public ClientPayloads(ClientVersion version, String os) {
        this.version = Objects.requireNonNull(version, "version");
        this.os = Objects.requireNonNull(os, "os");
    }

    /** Payloads for {@code version} shown as "Tryx". */
    public ClientPayloads(ClientVersion version) {
        this(version, "Tryx");
    }

    /** The registration payload (QR or pair-code linking). */
    public ClientPayload registration(RegistrationKeys keys) {
        DevicePairingRegistrationData pairing = DevicePairingRegistrationData.newBuilder()
                .setBuildHash(ByteString.copyFrom(buildHash(version)))
                .setDeviceProps(deviceProps().toByteString())
                .setERegid(ByteString.copyFrom(bigEndian(keys.registrationId(), 4)))
                .setEKeytype(ByteString.copyFrom(new byte[] {KEY_TYPE}))
                .setEIdent(ByteString.copyFrom(keys.identity().publicKey().publicKey()))
                .setESkeyId(ByteString.copyFrom(bigEndian(keys.signedPreKey().id(), 3)))
                .setESkeyVal(ByteString.copyFrom(keys.signedPreKey().keyPair().publicKey()))
                .setESkeySig(ByteString.copyFrom(keys.signedPreKey().signature()))
                .build();
        return common().setPassive(false).setPull(false).setDevicePairingData(pairing).build();
    }

    /** The login payload of the linked device {@code device} (its phone-number JID with device id). */
    public ClientPayload login(Jid device) {
        if (!device.server().equals("s.whatsapp.net")) {
            throw new IllegalArgumentException("login needs a phone-number JID, got " + device);
        }
        long username;
        try {
            username = Long.parseLong(device.user());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("login needs a phone-number JID, got " + device, e);
        }
        return common().setPassive(true).setPull(true).setUsername(username).setDevice(device.device())
                .setLidDbMigrated(false).build();
    }

    /** The device props announced on the phone (OS name, version, Chrome platform type, history sync). */
    public DeviceProps deviceProps() {
        return DeviceProps.newBuilder().setOs(os)
                .setVersion(DeviceProps.AppVersion.newBuilder().setPrimary(10).setSecondary(15).setTertiary(7))
                .setPlatformType(DeviceProps.PlatformType.CHROME)
                .setRequireFullSync(false)
                .setHistorySyncConfig(DeviceProps.HistorySyncConfig.newBuilder()
                        .setStorageQuotaMb(10240).setInlineInitialPayloadInE2EeMsg(true)
                        .setSupportCallLogHistory(false).setSupportBotUserAgentChatHistory(true)
                        .setSupportCagReactionsAndPolls(true).setSupportBizHostedMsg(true)
                        .setSupportRecentSyncChunkMessageCountTuning(true).setSupportHostedGroupMsg(true)
                        .setSupportFbidBotChatHistory(true).setSupportMessageAssociation(true)
                        .setSupportGroupHistory(false))
                .build();
    }

    /** MD5 of the version text, as WhatsApp Web's build hash. */
    public static byte[] buildHash(ClientVersion version) {
        return Digests.md5().digest(version.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code value} as {@code length} big-endian bytes (registration id: 4, signed prekey id: 3). */
    public static byte[] bigEndian(long value, int length) {
        byte[] out = new byte[length];
        for (int i = length - 1; i >= 0; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
        return out;
    }

    private ClientPayload.Builder common() {
        UserAgent userAgent = UserAgent.newBuilder()
                .setPlatform(UserAgent.Platform.WEB)
                .setAppVersion(UserAgent.AppVersion.newBuilder().setPrimary(version.primary())
                        .setSecondary(version.secondary()).setTertiary((int) version.tertiary()))
                .setMcc("000").setMnc("000").setOsVersion("0.1").setDevice("Desktop").setOsBuildNumber("0.1")
                .setReleaseChannel(UserAgent.ReleaseChannel.RELEASE)
                .setLocaleLanguageIso6391("en").setLocaleCountryIso31661Alpha2("US")
                .build();
        return ClientPayload.newBuilder().setConnectType(ConnectType.WIFI_UNKNOWN)
                .setConnectReason(ConnectReason.USER_ACTIVATED).setUserAgent(userAgent)
                .setWebInfo(WebInfo.newBuilder().setWebSubPlatform(WebInfo.WebSubPlatform.WEB_BROWSER));
    }
}
