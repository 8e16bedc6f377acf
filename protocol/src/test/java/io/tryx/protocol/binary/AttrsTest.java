package io.tryx.protocol.binary;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import io.tryx.protocol.jid.Jid;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttrsTest {

    private static final Attrs ATTRS = Attrs.builder()
            .put("from", Jid.parse("491701234567:3@s.whatsapp.net"))
            .put("participant", "123456789012345@lid")
            .put("t", "1732400000")
            .put("type", "text")
            .build();

    private static void assertReason(Runnable action, Reason reason) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void typedAccessorsReadJidsNumbersAndText() {
        assertThat(ATTRS.jid("from")).isEqualTo(Jid.device("491701234567", 3, "s.whatsapp.net"));
        assertThat(ATTRS.jid("participant")).isEqualTo(Jid.user("123456789012345", "lid"));
        assertThat(ATTRS.string("from")).isEqualTo("491701234567:3@s.whatsapp.net");
        assertThat(ATTRS.longValue("t")).isEqualTo(1732400000L);
        assertThat(ATTRS.optionalLong("t")).contains(1732400000L);
        assertThat(ATTRS.optionalLong("absent")).isEmpty();
        assertThat(ATTRS.optionalString("type")).contains("text");
        assertThat(ATTRS.optionalJid("absent")).isEmpty();
        assertThat(ATTRS.raw("from")).isInstanceOf(Jid.class);
        assertThat(ATTRS.raw("absent")).isNull();
        assertThat(ATTRS.toStringMap()).containsExactly(
                Map.entry("from", "491701234567:3@s.whatsapp.net"), Map.entry("participant", "123456789012345@lid"),
                Map.entry("t", "1732400000"), Map.entry("type", "text"));
    }

    @Test
    void wrongOrMissingValuesRaiseTypedErrors() {
        assertReason(() -> ATTRS.string("absent"), Reason.MISSING_FIELD);
        assertReason(() -> ATTRS.jid("absent"), Reason.MISSING_FIELD);
        assertReason(() -> ATTRS.longValue("absent"), Reason.MISSING_FIELD);
        assertReason(() -> ATTRS.jid("type"), Reason.INVALID_JID);
        assertReason(() -> ATTRS.longValue("type"), Reason.MALFORMED);
    }

    @Test
    void aJidAndItsTextAreEqualValues() {
        Attrs typed = Attrs.builder().put("to", Jid.parse("123@g.us")).build();
        Attrs text = Attrs.builder().put("to", "123@g.us").build();

        assertThat(typed).isEqualTo(text).hasSameHashCodeAs(text);
    }

    @Test
    void orderMattersAndPuttingANameAgainReplacesItInPlace() {
        Attrs ab = Attrs.builder().put("a", "1").put("b", "2").build();
        Attrs ba = Attrs.builder().put("b", "2").put("a", "1").build();
        Attrs replaced = Attrs.builder().put("a", "0").put("b", "2").put("a", "1").build();

        assertThat(ab).isNotEqualTo(ba).isEqualTo(replaced);
    }

    @Test
    void manyAttributesKeepInsertionOrderAndUniqueness() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            map.put("name" + i, "v" + i);
        }
        Attrs.Builder builder = Attrs.builder();
        map.forEach(builder::put);
        builder.put("name7", "again");

        Attrs attrs = builder.build();

        assertThat(attrs.size()).isEqualTo(40);
        assertThat(attrs.name(39)).isEqualTo("name39");
        assertThat(attrs.string("name7")).isEqualTo("again");
        assertThat(Attrs.of(map)).isEqualTo(Attrs.of(map));
    }

    @Test
    void onlyTextAndJidValuesAreAccepted() {
        assertThatThrownBy(() -> Attrs.builder().put("n", 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodedDuplicatesAreMalformed() {
        assertReason(() -> Attrs.owning(new String[] {"a", "b", "a"}, new Object[] {"1", "2", "3"}), Reason.MALFORMED);
        String[] names = new String[20];
        for (int i = 0; i < names.length; i++) {
            names[i] = i == 19 ? "n3" : "n" + i;
        }
        assertReason(() -> Attrs.owning(names, new Object[20]), Reason.MALFORMED);
    }
}
