package io.tryx.bridge.serde;

import io.tryx.bridge.registry.RegistryAuth;
import io.tryx.bridge.registry.SchemaRegistryConfig;
import io.tryx.bridge.testschema.Greeting;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroSerdeConfigTest {

    @Test
    void readsConfluentStylePropertiesWithBasicAuthFromUserInfo() {
        SchemaRegistryConfig config = AvroSerdeConfig.registryConfig(Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, "https://sr.example:8081/,https://other:8081",
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                AvroSerdeConfig.BASIC_AUTH_USER_INFO, "key:secret",
                AvroSerdeConfig.READ_TIMEOUT_MS, "2500",
                AvroSerdeConfig.MAX_RETRIES, 2));

        assertThat(config.baseUrl()).hasToString("https://sr.example:8081");
        assertThat(config.auth()).isEqualTo(RegistryAuth.basic("key", "secret"));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.retry().maxAttempts()).isEqualTo(3);
    }

    @Test
    void takesCredentialsFromTheUrlWhenToldTo() {
        SchemaRegistryConfig config = AvroSerdeConfig.registryConfig(Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://user:pw@127.0.0.1:8081",
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "URL"));

        assertThat(config.baseUrl()).hasToString("http://127.0.0.1:8081");
        assertThat(config.auth().authorizationHeader()).contains("Basic dXNlcjpwdw==");
    }

    @Test
    void usesAStaticBearerToken() {
        SchemaRegistryConfig config = AvroSerdeConfig.registryConfig(Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:8081",
                AvroSerdeConfig.BEARER_AUTH_TOKEN, "t0k"));

        assertThat(config.auth().authorizationHeader()).contains("Bearer t0k");
    }

    @Test
    void rejectsMissingUrlAndMalformedValues() {
        assertThatThrownBy(() -> AvroSerdeConfig.registryConfig(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> AvroSerdeConfig.fromMap(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://h:1",
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "yes"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auto.register.schemas");
        assertThatThrownBy(() -> AvroSerdeConfig.registryConfig(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "ftp://h")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesSubjectsLikeConfluentsStrategies() {
        assertThat(SubjectNameStrategy.parse("io.confluent.kafka.serializers.subject.TopicNameStrategy"))
                .isEqualTo(SubjectNameStrategy.TOPIC_NAME);
        assertThat(SubjectNameStrategy.parse("record")).isEqualTo(SubjectNameStrategy.RECORD_NAME);
        assertThat(SubjectNameStrategy.parse("TopicRecordNameStrategy")).isEqualTo(SubjectNameStrategy.TOPIC_RECORD_NAME);

        assertThat(SubjectNameStrategy.TOPIC_NAME.subject("chats", true, Greeting.getClassSchema())).isEqualTo("chats-key");
        assertThat(SubjectNameStrategy.TOPIC_NAME.subject("chats", false, Greeting.getClassSchema())).isEqualTo("chats-value");
        assertThat(SubjectNameStrategy.RECORD_NAME.subject("chats", false, Greeting.getClassSchema()))
                .isEqualTo("io.tryx.bridge.testschema.Greeting");
        assertThat(SubjectNameStrategy.TOPIC_RECORD_NAME.subject("chats", false, Greeting.getClassSchema()))
                .isEqualTo("chats-io.tryx.bridge.testschema.Greeting");
        assertThatThrownBy(() -> SubjectNameStrategy.parse("whatever")).isInstanceOf(IllegalArgumentException.class);
    }
}
