package io.tryx.protocol.client.calls;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallParserTest {

    static final Jid CALLER = Jid.parse("15550001@s.whatsapp.net");
    static final Jid CALLER_LID = Jid.parse("99887766@lid");

    @Test
    void anOfferCarriesCallerIdVideoGroupTimeAndPlatform() {
        Node call = call(Node.builder("offer").attr("call-id", "ABC").attr("call-creator", CALLER)
                .attr("group-jid", "120363000000000001@g.us").children(Node.of("audio"), Node.of("video")).build())
                .attr("platform", "android").attr("version", "2.25").attr("offline", "0").build();
        CallEvent.Offered offer = (CallEvent.Offered) CallParser.parse(call).orElseThrow();
        assertThat(offer.meta()).isEqualTo(new CallMeta(CALLER, "ABC", CALLER, null,
                Jid.parse("120363000000000001@g.us"), Instant.ofEpochSecond(1_700_000_000L), true));
        assertThat(offer.video()).isTrue();
        assertThat(offer.platform()).isEqualTo("android");
        assertThat(offer.version()).isEqualTo("2.25");
    }

    @Test
    void aLidCallerNamesItsPhoneNumberAndAVoiceCallHasNoVideo() {
        Node call = call(Node.builder("offer").attr("call-id", "ABC").attr("call-creator", CALLER_LID)
                .attr("caller_pn", CALLER).children(Node.of("audio")).build()).build();
        CallEvent.Offered offer = (CallEvent.Offered) CallParser.parse(call).orElseThrow();
        assertThat(offer.meta().creatorAlt()).isEqualTo(CALLER);
        assertThat(offer.video()).isFalse();
        assertThat(offer.meta().offline()).isFalse();
    }

    @Test
    void everyStepMapsToItsEvent() {
        assertThat(parse("terminate", "reason", "timeout")).isEqualTo(new CallEvent.Terminated(meta(), "timeout"));
        assertThat(parse("terminate", "x", "y")).isEqualTo(new CallEvent.Terminated(meta(), null));
        assertThat(parse("reject", "x", "y")).isEqualTo(new CallEvent.Rejected(meta()));
        assertThat(parse("accept", "x", "y")).isEqualTo(new CallEvent.Accepted(meta()));
        assertThat(parse("preaccept", "x", "y")).isEqualTo(new CallEvent.PreAccepted(meta()));
        assertThat(parse("relaylatency", "x", "y")).isEqualTo(new CallEvent.Negotiation(meta(), "relaylatency"));
        assertThat(parse("offer_notice", "media", "video")).isEqualTo(new CallEvent.OfferNotice(meta(), "video", null));
    }

    @Test
    void unknownStepsAndMissingFieldsAreTold() {
        assertThat(CallParser.parse(call(Node.builder("mystery").attr("call-id", "ABC")
                .attr("call-creator", CALLER).build()).build())).isEmpty();
        assertThat(CallParser.parse(Node.builder("call").attr("from", CALLER).build())).isEmpty();
        assertThatThrownBy(() -> CallParser.parse(call(Node.builder("offer").attr("call-creator", CALLER).build()).build()))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void theAckIsTheOneTheRealClientSends() {
        Node call = call(Node.of("offer")).attr("id", "S1").attr("participant", CALLER).build();
        assertThat(Calls.ack(call)).isEqualTo(Node.builder("ack").attr("class", "call").attr("id", "S1")
                .attr("to", CALLER.toString()).attr("participant", CALLER.toString()).build());
    }

    private static CallEvent parse(String tag, String attr, String value) {
        return CallParser.parse(call(Node.builder(tag).attr("call-id", "ABC").attr("call-creator", CALLER)
                .attr(attr, value).build()).build()).orElseThrow();
    }

    private static CallMeta meta() {
        return new CallMeta(CALLER, "ABC", CALLER, null, null, Instant.ofEpochSecond(1_700_000_000L), false);
    }

    private static Node.Builder call(Node step) {
        return Node.builder("call").attr("from", CALLER).attr("id", "S1").attr("t", 1_700_000_000L).children(step);
    }
}
