package io.tryx.protocol.proto;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;

import java.util.ArrayList;
import java.util.List;

/** Every protobuf file, message type and enum type we define, and their names on the Baileys side. */
final class ProtoDescriptors {

    static final List<FileDescriptor> FILES = List.of(HandshakeProto.getDescriptor(), CertProto.getDescriptor(),
            AdvProto.getDescriptor(), CommonProto.getDescriptor(), CompanionProto.getDescriptor(),
            E2EProto.getDescriptor(), SyncActionProto.getDescriptor(), ServerSyncProto.getDescriptor(),
            HistoryProto.getDescriptor(), WebProto.getDescriptor(), MediaRetryProto.getDescriptor(),
            SignalProto.getDescriptor());

    private ProtoDescriptors() {
    }

    static List<Descriptor> messageTypes() {
        List<Descriptor> out = new ArrayList<>();
        FILES.forEach(file -> file.getMessageTypes().forEach(type -> collect(type, out)));
        return out;
    }

    static List<EnumDescriptor> enumTypes() {
        List<EnumDescriptor> out = new ArrayList<>();
        FILES.forEach(file -> out.addAll(file.getEnumTypes()));
        messageTypes().forEach(type -> out.addAll(type.getEnumTypes()));
        return out;
    }

    private static void collect(Descriptor type, List<Descriptor> out) {
        out.add(type);
        type.getNestedTypes().forEach(nested -> collect(nested, out));
    }

    /** The path of a type inside Baileys' {@code proto} namespace: our full name without the package. */
    static String baileysName(String fullName, String packageName) {
        return fullName.substring(packageName.length() + 1);
    }

    static String baileysName(Descriptor type) {
        return baileysName(type.getFullName(), type.getFile().getPackage());
    }

    static String baileysName(EnumDescriptor type) {
        return baileysName(type.getFullName(), type.getFile().getPackage());
    }
}
