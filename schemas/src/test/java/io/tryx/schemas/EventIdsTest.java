package io.tryx.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    private static final String ACCOUNT = "15551234567@s.whatsapp.net";
    private static final String CHAT = "15557654321@s.whatsapp.net";

    @Test
    void matchesTheDocumentedRuleComputedIndependently() {
        // computed with Python hashlib: sha256(b"".join(struct.pack(">I", len(p)) + p for p in parts)).hexdigest()[:32]
        assertThat(EventIds.derive(ACCOUNT, CHAT, "3EB0C127E5D7F1A3B4", EventKind.MESSAGE))
                .isEqualTo("bb5ea91b4d8f3fbfea0afb4964736457");
    }

    @Test
    void isDeterministic() {
        String first = EventIds.derive(ACCOUNT, CHAT, "3EB0C127E5D7F1A3B4", EventKind.MESSAGE);
        String second = EventIds.derive(new String(ACCOUNT), new String(CHAT), "3EB0C127E5D7F1A3B4", EventKind.MESSAGE);

        assertThat(second).isEqualTo(first).hasSize(32).matches("[0-9a-f]{32}");
    }

    @Test
    void everyKindGivesADistinctIdForTheSameSubject() {
        List<String> ids = Arrays.stream(EventKind.values())
                .map(kind -> EventIds.derive(ACCOUNT, CHAT, "3EB0C127E5D7F1A3B4", kind))
                .toList();

        assertThat(ids).doesNotHaveDuplicates().hasSize(EventKind.values().length);
    }

    @Test
    void everyPartChangesTheId() {
        String base = EventIds.derive(ACCOUNT, CHAT, "ID1", EventKind.MESSAGE);

        assertThat(List.of(
                EventIds.derive("15550000000@s.whatsapp.net", CHAT, "ID1", EventKind.MESSAGE),
                EventIds.derive(ACCOUNT, "15550000000@s.whatsapp.net", "ID1", EventKind.MESSAGE),
                EventIds.derive(ACCOUNT, CHAT, "ID2", EventKind.MESSAGE),
                EventIds.derive(ACCOUNT, CHAT, "ID1", EventKind.UNDECRYPTABLE)))
                .doesNotContain(base).doesNotHaveDuplicates();
    }

    @Test
    void partBoundariesCannotBeShifted() {
        assertThat(EventIds.derive("a", "bc", "d", EventKind.MESSAGE))
                .isNotEqualTo(EventIds.derive("ab", "c", "d", EventKind.MESSAGE))
                .isNotEqualTo(EventIds.derive("a", "b", "cd", EventKind.MESSAGE));
    }

    @Test
    void refusesMissingParts() {
        assertThatNullPointerException().isThrownBy(() -> EventIds.derive(null, CHAT, "x", EventKind.MESSAGE))
                .withMessage("account");
        assertThatNullPointerException().isThrownBy(() -> EventIds.derive(ACCOUNT, CHAT, null, EventKind.MESSAGE))
                .withMessage("subject");
    }
}
