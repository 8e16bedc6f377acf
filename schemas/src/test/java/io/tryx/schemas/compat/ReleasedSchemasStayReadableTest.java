package io.tryx.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.tryx.schemas.ContractSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The build's compatibility gate: the current schemas read data written with every released version. */
class ReleasedSchemasStayReadableTest {

    static Stream<Path> releases() throws IOException {
        try (Stream<Path> dirs = Files.list(ContractSources.releasedRoot())) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @Test
    void releaseOneIsKept() throws IOException {
        assertThat(releases()).extracting(p -> p.getFileName().toString()).contains("1.0.0");
    }

    @ParameterizedTest(name = "release {0}")
    @MethodSource("releases")
    void currentSchemasAreBackwardCompatibleWithRelease(Path release) {
        ContractSources released = ContractSources.parse(release);
        ContractSources current = ContractSources.current();

        List<BackwardCompatibility.Violation> violations = BackwardCompatibility.check(
                release.getFileName().toString(), released.namedSchemas(), current.namedSchemas());

        assertThat(violations).as(BackwardCompatibility.report(violations)).isEmpty();
    }

    @ParameterizedTest(name = "release {0}")
    @MethodSource("releases")
    void everyReleasedEnumKeepsItsDefaultSoSymbolsCanBeAdded(Path release) {
        assertThat(ContractSources.parse(release).namedSchemas().values())
                .filteredOn(s -> s.getType() == Schema.Type.ENUM)
                .allSatisfy(e -> assertThat(e.getEnumDefault()).as(e.getFullName()).isNotNull());
    }
}
