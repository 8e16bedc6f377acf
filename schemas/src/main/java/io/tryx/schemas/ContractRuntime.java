package io.tryx.schemas;

import java.util.List;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.AvroGenerated;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Prepares a JVM's Avro runtime for the contract's generated classes; a process using them calls {@link #install()}
 * once at startup. It does two things Avro's Java library needs:
 * <ul>
 *   <li>Trust: since Avro 1.12.2 every class Avro resolves by name (each record and enum a {@code SpecificDatumReader}
 *       or a builder default touches) must pass the JVM-wide {@link ClassSecurityValidator}, which by default trusts
 *       only a few JDK classes. Only Avro-generated classes of {@link #PACKAGES} are added to what is trusted.
 *       (Alternatively: {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES} listing the packages.)</li>
 *   <li>Timestamps: a decoded array compares its elements with Avro's default generic model, which cannot place a
 *       {@link java.time.Instant} in a nullable timestamp union; so {@code equals} on a decoded
 *       {@code HistorySyncEvent} would throw. The default model learns the timestamp-millis conversion. Side effect:
 *       generic readers using {@link GenericData#get()} in this JVM then return {@code Instant} for timestamp-millis
 *       fields, as the generated classes do.</li>
 * </ul>
 */
public final class ContractRuntime {

    /** Packages holding the generated classes (sub-packages included). */
    public static final List<String> PACKAGES = List.of("io.tryx.common.v1", "io.tryx.events.v1", "io.tryx.commands.v1");

    private static final ClassSecurityPredicate CONTRACT_CLASSES = ContractRuntime::isContractClass;

    private static boolean installed;

    private ContractRuntime() {
    }

    /** Trusts the contract's classes (keeping whatever was trusted before) and teaches the generic model timestamps. Idempotent. */
    public static synchronized void install() {
        if (!installed) {
            ClassSecurityValidator.setGlobal(
                    ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), CONTRACT_CLASSES));
            GenericData.get().addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
            installed = true;
        }
    }

    /** True for an Avro-generated class in one of {@link #PACKAGES}. */
    public static boolean isContractClass(Class<?> type) {
        String pkg = type.getPackageName();
        return type.isAnnotationPresent(AvroGenerated.class)
                && PACKAGES.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."));
    }
}
