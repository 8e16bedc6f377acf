package io.tryx.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.idl.IdlFile;
import org.apache.avro.idl.IdlReader;

/** Parses a tree of {@code .avdl} files (the sources, or one released copy) into its named schemas. */
public record ContractSources(Map<String, Schema> namedSchemas, List<String> warnings) {

    /** The contract's current sources, {@code schemas/src/main/avro}. */
    public static Path currentRoot() {
        return Path.of(System.getProperty("tryx.schemas.sources", "src/main/avro"));
    }

    /** The released copies, {@code schemas/src/main/released/<version>}. */
    public static Path releasedRoot() {
        return Path.of(System.getProperty("tryx.schemas.released", "src/main/released"));
    }

    public static ContractSources current() {
        return parse(currentRoot());
    }

    /** Every {@code .avdl} under {@code root}, each file with its own reader (imports resolve relative to the file). */
    public static ContractSources parse(Path root) {
        Map<String, Schema> named = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        for (Path file : idlFiles(root)) {
            try {
                IdlFile idl = new IdlReader().parse(file);
                idl.getWarnings().forEach(w -> warnings.add(root.relativize(file) + ": " + w));
                named.putAll(idl.getNamedSchemas());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("cannot parse " + file + ": " + e.getMessage(), e);
            }
        }
        if (named.isEmpty()) {
            throw new IllegalArgumentException("no .avdl files under " + root.toAbsolutePath());
        }
        return new ContractSources(Map.copyOf(named), List.copyOf(warnings));
    }

    private static List<Path> idlFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".avdl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
