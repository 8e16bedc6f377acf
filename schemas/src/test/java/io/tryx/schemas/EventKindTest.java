package io.tryx.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.tryx.common.v1.MessageKey;
import io.tryx.events.v1.MessageEvent;
import io.tryx.events.v1.QrCodeIssued;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class EventKindTest {

    /** Family token of each event record, the prefix of its kinds. */
    private static final Map<String, String> FAMILIES = Map.of(
            "ConnectionEvent", "connection", "MessageEvent", "message", "ReceiptEvent", "receipt",
            "PresenceEvent", "presence", "ChatActionEvent", "chat_action", "ContactEvent", "contact",
            "GroupEvent", "group", "CallEvent", "call", "HistorySyncEvent", "history_sync",
            "UndecryptableMessageEvent", "undecryptable");

    @Test
    void thereIsExactlyOneKindPerEventShapeNamedByTheRule() {
        Map<String, String> expected = new HashMap<>();
        for (Schema event : ContractSchemas.EVENTS) {
            String family = FAMILIES.get(event.getName());
            Schema union = event.getFields().stream().map(Schema.Field::schema)
                    .filter(s -> s.getType() == Schema.Type.UNION && !s.isNullable()).findFirst().orElse(null);
            if (union == null || event.getName().equals("MessageEvent")) {
                expected.put(event.getFullName(), family);
            } else {
                union.getTypes().forEach(branch -> expected.put(branch.getFullName(), family + "." + snake(branch.getName())));
            }
        }

        Map<String, String> actual = new HashMap<>();
        Arrays.stream(EventKind.values()).forEach(k -> actual.put(k.record().getName(), k.token()));

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void findsTheKindOfABranchOrOfASingleShapeEvent() {
        QrCodeIssued qr = QrCodeIssued.newBuilder().setCode("ref,a,b,c,p").setExpiresAt(Instant.EPOCH).build();

        assertThat(EventKind.of(qr)).isEqualTo(EventKind.CONNECTION_QR_CODE_ISSUED);
        assertThat(EventKind.of(new MessageEvent())).isEqualTo(EventKind.MESSAGE);
    }

    @Test
    void refusesARecordThatIsNoEventShape() {
        MessageKey key = MessageKey.newBuilder().setChat("c@s.whatsapp.net").setId("1").setFromMe(false).build();

        assertThatIllegalArgumentException().isThrownBy(() -> EventKind.of(key))
                .withMessageContaining("io.tryx.common.v1.MessageKey");
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
