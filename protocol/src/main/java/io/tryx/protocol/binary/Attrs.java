package io.tryx.protocol.binary;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import io.tryx.protocol.jid.Jid;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ordered, immutable attributes of a {@link Node}. A value is a {@link String} or a {@link Jid}: the
 * runtime builds stanzas with typed JIDs and the decoder yields a {@code Jid} where the wire carries a JID
 * that has a canonical form.
 *
 * <p>Values are compared by their text (a {@code Jid} and its {@link Jid#toString()} are equal values, as
 * on the wire, where both encode to the same bytes); order matters, as on the wire. Names are unique.
 * Typed accessors raise {@link ProtocolException}: {@link Reason#MISSING_FIELD} for an absent attribute,
 * {@link Reason#INVALID_JID} or {@link Reason#MALFORMED} for a value of the wrong shape.
 */
public final class Attrs {

    private static final Attrs EMPTY = new Attrs(new String[0], new Object[0]);
    private static final int LINEAR_LIMIT = 8;

    private final String[] names;
    private final Object[] values;

    private Attrs(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /** No attributes. */
    public static Attrs empty() {
        return EMPTY;
    }

    /** A builder, for attributes in insertion order. */
    public static Builder builder() {
        return new Builder();
    }

    /** Attributes from a map of String or Jid values, in the map's iteration order. */
    public static Attrs of(Map<String, ?> map) {
        Builder b = builder();
        map.forEach(b::put);
        return b.build();
    }

    /**
     * Attributes from arrays the caller hands over; throws {@link Reason#MALFORMED} on a duplicate name.
     * For the decoder.
     */
    static Attrs owning(String[] names, Object[] values) {
        if (names.length == 0) {
            return EMPTY;
        }
        if (hasDuplicate(names)) {
            throw new ProtocolException(Reason.MALFORMED, "duplicate attribute name in node");
        }
        return new Attrs(names, values);
    }

    private static boolean hasDuplicate(String[] names) {
        if (names.length <= LINEAR_LIMIT) {
            for (int i = 1; i < names.length; i++) {
                for (int j = 0; j < i; j++) {
                    if (names[i].equals(names[j])) {
                        return true;
                    }
                }
            }
            return false;
        }
        Map<String, Boolean> seen = new HashMap<>(names.length * 2);
        for (String name : names) {
            if (seen.put(name, Boolean.TRUE) != null) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return names.length;
    }

    public boolean isEmpty() {
        return names.length == 0;
    }

    /** The name of the attribute at {@code index} (insertion order). */
    public String name(int index) {
        return names[index];
    }

    /** The value (a {@link String} or a {@link Jid}) of the attribute at {@code index}. */
    public Object value(int index) {
        return values[index];
    }

    /** The text of the value at {@code index}: the string, or the JID's canonical form. */
    public String text(int index) {
        return values[index].toString();
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** The raw value (a {@link String} or a {@link Jid}), or {@code null} if absent. */
    public Object raw(String name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    public Optional<String> optionalString(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(values[i].toString());
    }

    /** The value's text; {@link Reason#MISSING_FIELD} if absent. */
    public String string(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw missing(name);
        }
        return values[i].toString();
    }

    public Optional<Jid> optionalJid(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(asJid(values[i]));
    }

    /** The value as a JID (parsed if it is text); {@link Reason#MISSING_FIELD} or {@link Reason#INVALID_JID}. */
    public Jid jid(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw missing(name);
        }
        return asJid(values[i]);
    }

    public Optional<Long> optionalLong(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(asLong(name, values[i]));
    }

    /** The value as a decimal long; {@link Reason#MISSING_FIELD} or {@link Reason#MALFORMED}. */
    public long longValue(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw missing(name);
        }
        return asLong(name, values[i]);
    }

    /** The attributes as an ordered, unmodifiable map of texts. */
    public Map<String, String> toStringMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], values[i].toString());
        }
        return Collections.unmodifiableMap(map);
    }

    private static Jid asJid(Object value) {
        return value instanceof Jid jid ? jid : Jid.parse((String) value);
    }

    private static long asLong(String name, Object value) {
        try {
            return Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            throw new ProtocolException(Reason.MALFORMED, "attribute '" + name + "' is not a number");
        }
    }

    private static ProtocolException missing(String name) {
        return new ProtocolException(Reason.MISSING_FIELD, "attribute '" + name + "' is absent");
    }

    static boolean sameValue(Object a, Object b) {
        if (a instanceof String sa && b instanceof String sb) {
            return sa.equals(sb);
        }
        if (a instanceof Jid ja && b instanceof Jid jb) {
            return ja.equals(jb);
        }
        return a.toString().equals(b.toString());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Attrs other) || other.names.length != names.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            if (!names[i].equals(other.names[i]) || !sameValue(values[i], other.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < names.length; i++) {
            h = h * 31 + names[i].hashCode() * 17 + values[i].toString().hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        return toStringMap().toString();
    }

    /** Collects attributes in insertion order; putting a name again replaces its value in place. */
    public static final class Builder {
        private String[] names = new String[4];
        private Object[] values = new Object[4];
        private int size;
        private Map<String, Integer> index;

        private Builder() {
        }

        /** Adds or replaces an attribute; the value must be a {@link String} or a {@link Jid}. */
        public Builder put(String name, Object value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (!(value instanceof String) && !(value instanceof Jid)) {
                throw new IllegalArgumentException("attribute '" + name + "' must be a String or a Jid, not "
                        + value.getClass().getName());
            }
            int existing = find(name);
            if (existing >= 0) {
                values[existing] = value;
                return this;
            }
            if (size == NodeLimits.MAX_ATTRIBUTES) {
                throw new IllegalArgumentException("more than " + NodeLimits.MAX_ATTRIBUTES + " attributes");
            }
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size] = value;
            if (index != null) {
                index.put(name, size);
            } else if (size + 1 > LINEAR_LIMIT) {
                index = new HashMap<>();
                for (int i = 0; i <= size; i++) {
                    index.put(names[i], i);
                }
            }
            size++;
            return this;
        }

        private int find(String name) {
            if (index != null) {
                Integer i = index.get(name);
                return i == null ? -1 : i;
            }
            for (int i = 0; i < size; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        public Attrs build() {
            return size == 0 ? EMPTY : new Attrs(Arrays.copyOf(names, size), Arrays.copyOf(values, size));
        }
    }
}
