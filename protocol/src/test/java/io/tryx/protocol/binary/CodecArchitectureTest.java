package io.tryx.protocol.binary;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The JID model and the node codec are pure core: no network, no files, no threads, no Netty, no tools. */
class CodecArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tryx.protocol.jid", "io.tryx.protocol.binary");

    @Test
    void theRulesSeeTheCodec() {
        // rules over an empty import would pass vacuously
        assertThat(CORE.contain(NodeDecoder.class)).isTrue();
        assertThat(CORE.contain(io.tryx.protocol.jid.Jid.class)).isTrue();
    }

    @Test
    void coreUsesNoNettyNetworkFilesOrThreads() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.netty..", "java.net..", "java.nio.file..", "java.nio.channels..", "java.util.concurrent..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(Thread.class.getName())
                .check(CORE);
    }

    @Test
    void coreDoesNotDependOnTheTools() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.tryx.protocol.tools..", "com.fasterxml..")
                .check(CORE);
    }

    @Test
    void onlyTheTokenTableReadsAResource() {
        noClasses().that().doNotHaveFullyQualifiedName(Tokens.class.getName())
                .should().dependOnClassesThat().resideInAPackage("java.io..")
                .check(CORE);
    }

    @Test
    void theJidModelDoesNotKnowTheWireFormat() {
        noClasses().that().resideInAPackage("io.tryx.protocol.jid..")
                .should().dependOnClassesThat().resideInAPackage("io.tryx.protocol.binary..")
                .check(CORE);
    }
}
