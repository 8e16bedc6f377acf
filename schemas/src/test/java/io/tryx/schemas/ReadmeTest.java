package io.tryx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** schemas/README.md names every top-level record and every variant, and states the eventId example the code gives. */
class ReadmeTest {

    private static String readme() throws IOException {
        return Files.readString(Path.of(System.getProperty("tryx.schemas.readme", "README.md")));
    }

    @Test
    void namesEveryTopLevelRecordAndEveryVariant() throws IOException {
        List<String> names = new ArrayList<>();
        for (Schema top : ContractSchemas.all()) {
            names.add(top.getName());
            top.getFields().stream().map(Schema.Field::schema)
                    .filter(s -> s.getType() == Schema.Type.UNION && !s.isNullable())
                    .flatMap(s -> s.getTypes().stream())
                    .forEach(branch -> names.add(branch.getName()));
        }

        assertThat(readme()).contains(names.stream().map(n -> "`" + n + "`").toList());
    }

    @Test
    void theEventIdExampleIsWhatTheCodeDerives() throws IOException {
        String id = EventIds.derive("15551234567@s.whatsapp.net", "15557654321@s.whatsapp.net", "3EB0C127E5D7F1A3B4",
                EventKind.MESSAGE);

        assertThat(readme()).contains("kind `message` gives `" + id + "`");
    }
}
