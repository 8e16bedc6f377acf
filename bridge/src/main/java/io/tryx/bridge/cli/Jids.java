package io.tryx.bridge.cli;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.jid.JidServer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * JID arguments: a phone number ({@code 15551234567} or {@code +15551234567}) means that user's JID
 * ({@code 15551234567@s.whatsapp.net}); anything with an {@code @} must parse as a JID.
 */
final class Jids {

    private Jids() {
    }

    /** The JID {@code text} names. */
    static String chat(String text) {
        String trimmed = text.trim();
        if (trimmed.matches("\\+?[0-9]{5,20}")) {
            return (trimmed.startsWith("+") ? trimmed.substring(1) : trimmed) + "@" + JidServer.USER;
        }
        if (trimmed.indexOf('@') <= 0) {
            throw new TypeConversionException("'" + text + "' is neither a phone number nor a JID (user@server)");
        }
        try {
            return Jid.parse(trimmed).toString();
        } catch (ProtocolException e) {
            throw new TypeConversionException("'" + text + "' is not a valid JID: " + e.getMessage());
        }
    }

    /** An account: a phone user's JID without device part. */
    static String account(String text) {
        String jid = chat(text);
        Jid parsed = Jid.parse(jid);
        if (!parsed.isPhoneUser() || parsed.device() != 0) {
            throw new TypeConversionException("'" + text + "' is not an account (a phone number or <number>@s.whatsapp.net)");
        }
        return jid;
    }

    /** Picocli converter for chat JIDs. */
    static final class ChatConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return chat(value);
        }
    }

    /** Picocli converter for account JIDs. */
    static final class AccountConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return account(value);
        }
    }
}
