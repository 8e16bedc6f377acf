package io.tryx.bridge.registry;

import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry client against a real Apicurio Registry through its Confluent-compatible API. */
@ExtendWith(KafkaExtension.class)
class SchemaRegistryClientTest {

    private final KafkaTestEnvironment env;
    private final SchemaRegistryClient client;

    SchemaRegistryClientTest(KafkaTestEnvironment env) {
        this.env = env;
        this.client = env.registryClient();
    }

    @AfterEach
    void close() {
        client.close();
    }

    static Schema v1() {
        return SchemaBuilder.record("Contact").namespace("io.tryx.test").fields()
                .requiredString("jid").requiredString("name").endRecord();
    }

    /** v1 plus a field with a default: backward compatible. */
    static Schema v2() {
        return SchemaBuilder.record("Contact").namespace("io.tryx.test").fields()
                .requiredString("jid").requiredString("name")
                .name("verified").type().booleanType().booleanDefault(false).endRecord();
    }

    /** v1 plus a field without a default: not backward compatible. */
    static Schema incompatible() {
        return SchemaBuilder.record("Contact").namespace("io.tryx.test").fields()
                .requiredString("jid").requiredString("name").requiredLong("since").endRecord();
    }

    static String subject() {
        return "contacts-" + UUID.randomUUID() + "-value";
    }

    @Test
    void registersASchemaAndFindsItByIdAndBySubject() {
        String subject = subject();
        int id = client.register(subject, v1());

        assertThat(client.register(subject, v1())).isEqualTo(id);
        try (SchemaRegistryClient fresh = env.registryClient()) {
            assertThat(fresh.schemaById(id)).isEqualTo(v1());
            RegisteredSchema found = fresh.lookup(subject, v1());
            assertThat(found.id()).isEqualTo(id);
            assertThat(found.version()).isEqualTo(1);
            RegisteredSchema latest = fresh.latest(subject);
            assertThat(latest.id()).isEqualTo(id);
            assertThat(latest.schema()).isEqualTo(v1());
            assertThat(fresh.subjects()).contains(subject);
            assertThat(fresh.versions(subject)).containsExactly(1);
        }
    }

    @Test
    void aBackwardCompatibleVersionIsAcceptedAndAnIncompatibleOneIsRejectedWith409() {
        String subject = subject();
        int first = client.register(subject, v1());

        assertThat(client.globalCompatibility()).isEqualTo(Compatibility.BACKWARD);
        assertThat(client.checkCompatibility(subject, v2()).compatible()).isTrue();
        assertThat(client.checkCompatibility(subject, incompatible()).compatible()).isFalse();
        int second = client.register(subject, v2());
        assertThat(second).isNotEqualTo(first);
        assertThat(client.versions(subject)).containsExactly(1, 2);
        assertThatThrownBy(() -> client.register(subject, incompatible()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.isIncompatible()).isTrue();
                    assertThat(e.isTransient()).isFalse();
                });
    }

    @Test
    void aSubjectThatDoesNotExistYetAcceptsAnySchema() {
        assertThat(client.checkCompatibility(subject(), incompatible()).compatible()).isTrue();
    }

    @Test
    void anUnknownIdIsSchemaNotFound() {
        assertThatThrownBy(() -> client.schemaById(987_654_321))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
                    assertThat(e.isSchemaNotFound()).isTrue();
                });
    }

    @Test
    void anUnknownSubjectIsSubjectNotFound() {
        String subject = subject();
        assertThatThrownBy(() -> client.latest(subject))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isSubjectNotFound()).isTrue());
        assertThatThrownBy(() -> client.lookup(subject, v1()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isSubjectNotFound()).isTrue());
    }

    @Test
    void aSchemaNotUnderTheSubjectIsSchemaNotFound() {
        String subject = subject();
        client.register(subject, v1());
        assertThatThrownBy(() -> client.lookup(subject, v2()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isSchemaNotFound()).isTrue());
    }

    @Test
    void subjectCompatibilityOverridesTheGlobalLevel() {
        String subject = subject();
        client.register(subject, v1());
        client.setCompatibility(subject, Compatibility.NONE);

        assertThat(client.compatibility(subject)).isEqualTo(Compatibility.NONE);
        assertThat(client.register(subject, incompatible())).isPositive();

        client.setCompatibility(subject, Compatibility.FULL);
        assertThat(client.compatibility(subject)).isEqualTo(Compatibility.FULL);
        assertThat(client.globalCompatibility()).isEqualTo(Compatibility.BACKWARD);
    }

    @Test
    void nonRecordSchemasRegisterToo() {
        String subject = subject();
        Schema enumSchema = SchemaBuilder.enumeration("Kind").namespace("io.tryx.test").symbols("A", "B");
        int id = client.register(subject, enumSchema);
        try (SchemaRegistryClient fresh = env.registryClient()) {
            assertThat(fresh.schemaById(id)).isEqualTo(enumSchema);
        }
    }
}
