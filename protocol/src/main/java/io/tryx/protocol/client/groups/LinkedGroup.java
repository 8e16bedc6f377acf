package io.tryx.protocol.client.groups;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;

import java.time.Instant;
import java.util.Objects;

/**
 * A group linked to a community, as {@code <sub_groups>} answers and {@code link}/{@code unlink} notifications
 * name it: {@code <group id|jid subject? s_t?><default_sub_group/>?</group>}.
 *
 * @param jid             the group
 * @param subject         its name, empty when not told
 * @param subjectTime     when the name was set, the epoch when not told
 * @param defaultSubGroup it is the community's announcement group
 */
public record LinkedGroup(Jid jid, String subject, Instant subjectTime, boolean defaultSubGroup) {

    public LinkedGroup {
        Objects.requireNonNull(jid, "jid");
        subject = subject == null ? "" : subject;
        Objects.requireNonNull(subjectTime, "subjectTime");
    }

    /**
     * Reads a {@code <group>} of a sub-group list or link change.
     *
     * @throws ProtocolException when it names no group
     */
    public static LinkedGroup parse(Node group) {
        String id = group.attrs().optionalString("jid").or(() -> group.attrs().optionalString("id"))
                .orElseThrow(() -> new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "linked group without jid"));
        return new LinkedGroup(GroupNodes.groupJid(id), group.attrs().optionalString("subject").orElse(""),
                Instant.ofEpochSecond(group.attrs().optionalLong("s_t").orElse(0L)),
                group.child("default_sub_group").isPresent());
    }
}
