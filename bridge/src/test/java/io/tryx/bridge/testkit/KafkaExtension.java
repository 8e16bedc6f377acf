package io.tryx.bridge.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test constructors and methods a {@link KafkaTestEnvironment} parameter. The environment is started
 * on first use and kept in the root extension store, so every test class of the run shares one broker and
 * one registry; JUnit closes it when the run ends (and the registry's shutdown hook covers an abrupt exit).
 */
public final class KafkaExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaTestEnvironment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("environment", key -> KafkaTestEnvironment.start(), KafkaTestEnvironment.class);
    }
}
