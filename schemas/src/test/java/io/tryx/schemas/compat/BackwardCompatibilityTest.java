package io.tryx.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.tryx.schemas.ContractSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compatibility rule catches the edits that would break consumers, names what broke in a readable report, and
 * lets the edits the contract allows through. Each case edits a copy of the real sources, as a developer would.
 */
class BackwardCompatibilityTest {

    private static final Map<String, Schema> RELEASED =
            ContractSources.parse(ContractSources.releasedRoot().resolve("1.0.0")).namedSchemas();

    @TempDir
    Path workspace;

    @Test
    void aNewRequiredFieldWithoutDefaultIsCaught() throws IOException {
        List<BackwardCompatibility.Violation> violations = checkEdited("common/v1/common.avdl",
                "  string? sender = null;\n}",
                "  string? sender = null;\n  /** A new field. */\n  string origin;\n}");

        assertThat(violations).extracting(BackwardCompatibility.Violation::type)
                .contains("io.tryx.common.v1.MessageKey", "io.tryx.events.v1.MessageEvent");
        String report = BackwardCompatibility.report(violations);
        assertThat(report.lines().filter(line -> line.startsWith("  ")).toList())
                .as("the root cause alone is listed as a breaking change").singleElement().asString()
                .startsWith("  release 1.0.0, io.tryx.common.v1.MessageKey: READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("(MessageKey.origin)");
        assertThat(report).containsPattern("Also broken because they contain the above: .*io\\.tryx\\.events\\.v1\\.MessageEvent");
    }

    @Test
    void aRemovedEnumSymbolWithoutDefaultIsCaught() throws IOException {
        List<BackwardCompatibility.Violation> violations = checkEdited("events/v1/receipt.avdl",
                "  SERVER_ERROR, // the server could not deliver\n  INACTIVE      // delivered to an inactive device\n} = UNKNOWN;",
                "  SERVER_ERROR  // the server could not deliver\n}");

        assertThat(BackwardCompatibility.report(violations))
                .contains("io.tryx.events.v1.ReceiptType: MISSING_ENUM_SYMBOLS")
                .contains("INACTIVE");
    }

    @Test
    void aRemovedEnumSymbolIsReadAsTheDefaultSoTheContractAllowsIt() throws IOException {
        List<BackwardCompatibility.Violation> violations = checkEdited("events/v1/receipt.avdl",
                "  SERVER_ERROR, // the server could not deliver\n  INACTIVE      // delivered to an inactive device\n",
                "  SERVER_ERROR  // the server could not deliver\n");

        assertThat(violations).isEmpty();
    }

    @Test
    void aRemovedUnionBranchIsCaught() throws IOException {
        List<BackwardCompatibility.Violation> violations = checkEdited("events/v1/call.avdl",
                "union { CallOffered, CallAccepted, CallRejected, CallTerminated } step;",
                "union { CallOffered, CallAccepted, CallTerminated } step;");

        assertThat(BackwardCompatibility.report(violations))
                .contains("io.tryx.events.v1.CallEvent: MISSING_UNION_BRANCH at /fields/7/type")
                .contains("CallRejected");
    }

    @Test
    void aChangedFieldTypeIsCaught() throws IOException {
        List<BackwardCompatibility.Violation> violations = checkEdited("events/v1/connection.avdl",
                "  int code;\n  /** When the ban ends", "  string code;\n  /** When the ban ends");

        assertThat(BackwardCompatibility.report(violations))
                .contains("io.tryx.events.v1.TemporaryBan: TYPE_MISMATCH at /fields/0/type (TemporaryBan.code)")
                .contains("string").contains("int");
    }

    @Test
    void aRemovedTypeIsCaught() throws IOException {
        List<BackwardCompatibility.Violation> violations = checkEdited("commands/v1/dead_letter.avdl",
                "record DeadLetter {", "record DeadRecord {");

        assertThat(BackwardCompatibility.report(violations))
                .contains("io.tryx.commands.v1.DeadLetter: removed");
    }

    @Test
    void aRenameWithAnAliasKeepsOldDataReadable() throws IOException {
        List<BackwardCompatibility.Violation> violations = checkEdited("commands/v1/dead_letter.avdl",
                "record DeadLetter {", "@aliases([\"io.tryx.commands.v1.DeadLetter\"])\nrecord DeadRecord {");

        assertThat(violations).isEmpty();
    }

    @Test
    void additionsWithDefaultsNewSymbolsAndNewBranchesAreAllowed() throws IOException {
        Path copy = copyOfSources();
        edit(copy.resolve("common/v1/common.avdl"), "  string? sender = null;\n}",
                "  string? sender = null;\n  /** A new optional field. */\n  string? origin = null;\n}");
        edit(copy.resolve("events/v1/receipt.avdl"), "  INACTIVE      // delivered", "  INACTIVE, HIST_SYNC // delivered");
        edit(copy.resolve("events/v1/call.avdl"), "union { CallOffered, CallAccepted, CallRejected, CallTerminated } step;",
                "union { CallOffered, CallAccepted, CallRejected, CallTerminated, CallTransferred } step;");
        edit(copy.resolve("events/v1/call.avdl"), "/** A step of a call.",
                "/** New step. */\nrecord CallTransferred {\n  /** To whom. */\n  string to;\n}\n\n/** A step of a call.");

        Map<String, Schema> current = ContractSources.parse(copy).namedSchemas();

        assertThat(current).containsKey("io.tryx.events.v1.CallTransferred");
        assertThat(BackwardCompatibility.check("1.0.0", RELEASED, current)).isEmpty();
    }

    private List<BackwardCompatibility.Violation> checkEdited(String file, String from, String to) throws IOException {
        Path copy = copyOfSources();
        edit(copy.resolve(file), from, to);
        return BackwardCompatibility.check("1.0.0", RELEASED, ContractSources.parse(copy).namedSchemas());
    }

    private Path copyOfSources() throws IOException {
        Path root = ContractSources.currentRoot().resolve("io/tryx");
        Path copy = workspace.resolve("avro");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(root.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return copy;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as("the edit's anchor in " + file).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
