package io.tryx.protocol.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protocol core (codecs, crypto, state machines) does no IO, starts no threads and reads no clock:
 * everything it needs from the world comes in as a value or through a small interface. This keeps it
 * deterministic and testable, and lets the runtime choose how to do IO.
 */
class CoreIsPureTest {

    /** Packages of the pure core; runtime packages (transport, store, client, tools, ...) are not listed. */
    static final String[] CORE = {
            "io.tryx.protocol.jid..", "io.tryx.protocol.binary..", "io.tryx.protocol.noise..",
            "io.tryx.protocol.cert..", "io.tryx.protocol.crypto..", "io.tryx.protocol.proto..",
            "io.tryx.protocol.message..", "io.tryx.protocol.signal..", "io.tryx.protocol.appstate..",
            "io.tryx.protocol.media..", "io.tryx.protocol.pairing..", "io.tryx.protocol.login.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tryx.protocol");
    }

    @Test
    void coreDoesNoIo() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.netty..", "java.net..", "java.nio.channels..", "java.nio.file..", "java.sql..",
                        "javax.net..", "org.slf4j..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .because("core packages are pure; IO belongs to the runtime packages");
        rule.check(classes);
    }

    @Test
    void coreStartsNoThreadsAndReadsNoClock() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().haveFullyQualifiedName(Thread.class.getName())
                .orShould().dependOnClassesThat().resideInAnyPackage("java.util.concurrent")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Instant.class, "now")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .because("time and concurrency come from the runtime, so the core stays deterministic");
        rule.check(classes);
    }

    @Test
    void coreDoesNotDependOnTheRuntimeOrOtherModules() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.tryx.protocol.transport..", "io.tryx.protocol.store..", "io.tryx.protocol.client..",
                        "io.tryx.protocol.tools..", "io.tryx.bridge..", "io.tryx.simulator..", "org.apache.kafka..");
        rule.check(classes);
    }

    @Test
    void theCoreExists() {
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("io.tryx.protocol.crypto")).count())
                .isPositive();
    }
}
