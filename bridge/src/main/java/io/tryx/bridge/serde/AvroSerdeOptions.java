package io.tryx.bridge.serde;

import java.util.Objects;

/**
 * How serializers pick and publish schemas: the subject naming and whether unknown schemas are registered
 * on first use ({@code autoRegister}, the default) or must already be registered (production setups where
 * schemas are deployed ahead of the code; an unregistered schema then fails with {@code REGISTRY_REJECTED}).
 */
public record AvroSerdeOptions(SubjectNameStrategy subjectNames, boolean autoRegister) {

    /** Topic-name subjects, auto-registration on. */
    public static final AvroSerdeOptions DEFAULTS = new AvroSerdeOptions(SubjectNameStrategy.TOPIC_NAME, true);

    public AvroSerdeOptions {
        Objects.requireNonNull(subjectNames, "subjectNames");
    }

    public AvroSerdeOptions withSubjectNames(SubjectNameStrategy strategy) {
        return new AvroSerdeOptions(strategy, autoRegister);
    }

    public AvroSerdeOptions withAutoRegister(boolean on) {
        return new AvroSerdeOptions(subjectNames, on);
    }
}
