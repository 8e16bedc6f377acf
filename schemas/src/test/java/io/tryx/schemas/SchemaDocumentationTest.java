package io.tryx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Walks every type of the contract: documented, evolvable, namespaced, and the shipped classes match the sources. */
class SchemaDocumentationTest {

    private static final ContractSources SOURCES = ContractSources.current();
    private static final Collection<Schema> TYPES = SOURCES.namedSchemas().values();

    @Test
    void sourcesParseWithoutWarnings() {
        assertThat(SOURCES.warnings()).isEmpty();
    }

    @Test
    void everyRecordAndEveryFieldHasADoc() {
        assertThat(TYPES).allSatisfy(type -> {
            assertThat(type.getDoc()).as("doc of " + type.getFullName()).isNotBlank();
            if (type.getType() == Schema.Type.RECORD) {
                assertThat(type.getFields()).allSatisfy(field -> assertThat(field.doc())
                        .as("doc of " + type.getFullName() + "." + field.name()).isNotBlank());
            }
        });
    }

    @Test
    void everyEnumHasADefaultSymbolSoAddingSymbolsStaysCompatible() {
        assertThat(TYPES).filteredOn(t -> t.getType() == Schema.Type.ENUM).isNotEmpty().allSatisfy(e ->
                assertThat(e.getEnumDefault()).as("default of " + e.getFullName()).isEqualTo("UNKNOWN"));
    }

    @Test
    void everyTypeLivesInAVersionedTryxNamespace() {
        assertThat(TYPES).allSatisfy(t -> assertThat(t.getNamespace()).as(t.getFullName())
                .matches("io\\.tryx\\.(events|commands|common)\\.v1(\\.[a-z]+)?"));
    }

    @Test
    void everyTypeIsReachableFromATopLevelRecord() {
        Map<String, Schema> reachable = SchemaWalk.namedTypes(ContractSchemas.all());

        assertThat(reachable.keySet()).containsExactlyInAnyOrderElementsOf(SOURCES.namedSchemas().keySet());
    }

    @Test
    void theShippedClassesCarryExactlyTheSourceSchemas() {
        Map<String, Schema> shipped = SchemaWalk.namedTypes(ContractSchemas.all());

        assertThat(shipped).allSatisfy((name, schema) -> assertThat(withoutJavaStringHints(schema))
                .as(name).isEqualTo(SOURCES.namedSchemas().get(name)));
    }

    @Test
    void everyEventCarriesTheCommonHeader() {
        assertThat(ContractSchemas.EVENTS).allSatisfy(event -> {
            assertThat(event.getFields().subList(0, 5)).extracting(Schema.Field::name)
                    .as(event.getFullName()).containsExactly("eventId", "account", "chat", "timestamp", "source");
            assertThat(event.getField("eventId").schema().getType()).isEqualTo(Schema.Type.STRING);
            assertThat(event.getField("eventId").doc()).contains("tryx.event.v1", "Here subject =");
            assertThat(event.getField("timestamp").schema().getLogicalType())
                    .isEqualTo(LogicalTypes.timestampMillis());
            assertThat(event.getField("source").schema().getFullName()).isEqualTo("io.tryx.common.v1.Source");
        });
    }

    @Test
    void sharedTypesAreDefinedOnceInTheCommonNamespace() {
        assertThat(SOURCES.namedSchemas().keySet()).contains("io.tryx.common.v1.MessageKey",
                "io.tryx.common.v1.MediaInfo", "io.tryx.common.v1.Source", "io.tryx.common.v1.TextContent");
        List<String> simpleNames = TYPES.stream().map(Schema::getName).toList();
        assertThat(simpleNames).as("simple names are unique across namespaces").doesNotHaveDuplicates();
    }

    /** The generator marks strings as java.lang.String ({@code avro.java.string}); that hint is not part of the contract. */
    private static Schema withoutJavaStringHints(Schema schema) {
        return new Schema.Parser().parse(schema.toString().replace(",\"avro.java.string\":\"String\"", ""));
    }
}
