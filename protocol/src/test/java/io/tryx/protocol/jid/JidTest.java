package io.tryx.protocol.jid;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JidTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "s.whatsapp.net", "g.us", "c.us", "broadcast", "lid", "newsletter", "bot", "hosted", "hosted.lid",
            "msgr", "interop",
            "491701234567@s.whatsapp.net", "491701234567:12@s.whatsapp.net", "491701234567.3:0@s.whatsapp.net",
            "491701234567.7:12@s.whatsapp.net",
            "120363012345678901@g.us", "491701234567-1600000000@g.us", "16505361212@c.us", "status@broadcast",
            "1234567890@broadcast", "123456789012345@lid", "123456789012345:33@lid", "120363123456789012@newsletter",
            "867051314767696@bot", "491701234567@hosted", "491701234567:99@hosted", "123456789012345@hosted.lid",
            "123456789012345:2@hosted.lid", "100000123456789@msgr", "100000123456789:5@msgr",
            "0-100000123:0@interop", "7-491701234567:2@interop", "65535-a-b:65535@interop"})
    void canonicalFormsRoundTrip(String text) {
        Jid jid = Jid.parse(text);

        assertThat(jid.toString()).isEqualTo(text);
        assertThat(Jid.parse(jid.toString())).isEqualTo(jid).hasSameHashCodeAs(jid);
    }

    @Test
    void parsesComponentsOfEachForm() {
        assertThat(Jid.parse("491701234567:12@s.whatsapp.net"))
                .isEqualTo(Jid.device("491701234567", 12, JidServer.USER));
        assertThat(Jid.parse("491701234567.7:12@s.whatsapp.net"))
                .isEqualTo(Jid.of("491701234567", 7, 12, 0, JidServer.USER));
        assertThat(Jid.parse("7-491701234567:2@interop")).isEqualTo(Jid.interop(7, "491701234567", 2));
        assertThat(Jid.parse("s.whatsapp.net")).isEqualTo(Jid.USER_SERVER);
        assertThat(Jid.parse("status@broadcast")).isEqualTo(Jid.STATUS_BROADCAST);
    }

    @Test
    void looseSpellingsParseToTheirCanonicalJid() {
        assertThat(Jid.parse("491701234567:03@s.whatsapp.net")).hasToString("491701234567:3@s.whatsapp.net");
        assertThat(Jid.parse("491701234567:0@s.whatsapp.net")).hasToString("491701234567@s.whatsapp.net");
        assertThat(Jid.parse("491701234567.5@s.whatsapp.net")).hasToString("491701234567.5:0@s.whatsapp.net");
        assertThat(Jid.parse("@s.whatsapp.net")).isEqualTo(Jid.USER_SERVER);
        assertThat(Jid.parse("123@interop")).hasToString("0-123:0@interop");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "@", "a@b@c", "user@", "user@S.WHATSAPP.NET", "us er@s.whatsapp.net",
            "user:@s.whatsapp.net", "user:x@s.whatsapp.net", "user:65536@s.whatsapp.net", "user:-1@s.whatsapp.net",
            "user.256:1@s.whatsapp.net", "a.b.c@s.whatsapp.net", "user.:1@s.whatsapp.net", "u:1:2@s.whatsapp.net",
            "user@serv er", "hello world", "text", "example.com", "70000-123:1@interop", ":3@s.whatsapp.net", ".1:2@s.whatsapp.net"})
    void invalidTextIsRejectedAsInvalidJid(String text) {
        assertThatThrownBy(() -> Jid.parse(text))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_JID));
    }

    @Test
    void invalidComponentsAreRejectedAsInvalidJid() {
        assertThatThrownBy(() -> Jid.of("u", 0, 70000, 0, JidServer.USER)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> Jid.of("u", 0, 0, 5, JidServer.USER)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> Jid.of("u", 3, 0, 0, JidServer.INTEROP)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> Jid.of("", 0, 2, 0, JidServer.USER)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> Jid.user("a:b", JidServer.USER))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_JID));
        assertThat(Jid.ofOrNull("a.b", 0, 0, 0, JidServer.USER)).isNull();
        assertThat(Jid.ofOrNull("ab", 0, 0, 0, JidServer.USER)).isEqualTo(Jid.user("ab", JidServer.USER));
    }

    @Test
    void helpersClassifyJids() {
        Jid device = Jid.parse("491701234567:12@s.whatsapp.net");
        assertThat(device.toNonAd()).hasToString("491701234567@s.whatsapp.net");
        assertThat(device.isAd()).isTrue();
        assertThat(device.isPhoneUser()).isTrue();
        assertThat(device.sameUser(Jid.parse("491701234567@s.whatsapp.net"))).isTrue();
        assertThat(device.withDevice(3)).hasToString("491701234567:3@s.whatsapp.net");
        assertThat(Jid.parse("123@g.us").isGroup()).isTrue();
        assertThat(Jid.parse("123@lid").isLid()).isTrue();
        assertThat(Jid.parse("123:4@lid").domainType()).isEqualTo(JidServer.DOMAIN_LID);
        assertThat(Jid.parse("123@hosted.lid").domainType()).isEqualTo(JidServer.DOMAIN_HOSTED_LID);
        assertThat(Jid.parse("123@hosted").isHosted()).isTrue();
        assertThat(Jid.parse("status@broadcast").isStatusBroadcast()).isTrue();
        assertThat(Jid.parse("status@broadcast").isBroadcastList()).isFalse();
        assertThat(Jid.parse("123@broadcast").isBroadcastList()).isTrue();
        assertThat(Jid.parse("123@newsletter").isNewsletter()).isTrue();
        assertThat(Jid.parse("13135550002@s.whatsapp.net").isBot()).isTrue();
        assertThat(Jid.parse("867051314767696@bot").isBot()).isTrue();
        assertThat(Jid.parse("123@msgr").isMessenger()).isTrue();
        assertThat(Jid.parse("1-123:0@interop").isInterop()).isTrue();
        assertThat(Jid.USER_SERVER.isServerOnly()).isTrue();
        assertThat(JidServer.isKnown("hosted.lid")).isTrue();
        assertThat(JidServer.forDomainType(77)).isEqualTo(JidServer.USER);
    }
}
