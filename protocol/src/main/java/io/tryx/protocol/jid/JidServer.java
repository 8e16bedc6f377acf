package io.tryx.protocol.jid;

import java.util.Set;

/**
 * The JID servers (domains) WhatsApp uses, and the AD-JID domain-type byte that stands for some of them
 * on the wire.
 *
 * <p>Servers are plain strings in {@link Jid} because the wire may carry servers this list does not know;
 * these constants name the ones the bridge reasons about.
 */
public final class JidServer {

    /** Phone-number users and their devices. */
    public static final String USER = "s.whatsapp.net";
    /** Groups. */
    public static final String GROUP = "g.us";
    /** The legacy user server, still used by a few well-known JIDs. */
    public static final String LEGACY_USER = "c.us";
    /** Broadcast lists and the status broadcast. */
    public static final String BROADCAST = "broadcast";
    /** Hidden users (LIDs). */
    public static final String LID = "lid";
    /** Channels (newsletters). */
    public static final String NEWSLETTER = "newsletter";
    /** Bots. */
    public static final String BOT = "bot";
    /** Hosted (cloud API) phone-number users. */
    public static final String HOSTED = "hosted";
    /** Hosted (cloud API) LID users. */
    public static final String HOSTED_LID = "hosted.lid";
    /** Messenger users. */
    public static final String MESSENGER = "msgr";
    /** Users of interoperating third-party networks. */
    public static final String INTEROP = "interop";

    /** Every server above. */
    public static final Set<String> KNOWN = Set.of(
            USER, GROUP, LEGACY_USER, BROADCAST, LID, NEWSLETTER, BOT, HOSTED, HOSTED_LID, MESSENGER, INTEROP);

    /** AD-JID domain type of {@link #USER}. */
    public static final int DOMAIN_WHATSAPP = 0;
    /** AD-JID domain type of {@link #LID}. */
    public static final int DOMAIN_LID = 1;
    /** AD-JID domain type of {@link #HOSTED}. */
    public static final int DOMAIN_HOSTED = 128;
    /** AD-JID domain type of {@link #HOSTED_LID}. */
    public static final int DOMAIN_HOSTED_LID = 129;

    private JidServer() {
    }

    /** Whether the server is one of {@link #KNOWN}. */
    public static boolean isKnown(String server) {
        return KNOWN.contains(server);
    }

    /**
     * The AD-JID domain type that stands for this server, or -1 when the server has no domain type
     * (only device JIDs of these four servers travel as AD-JIDs).
     */
    public static int domainType(String server) {
        return switch (server) {
            case USER -> DOMAIN_WHATSAPP;
            case LID -> DOMAIN_LID;
            case HOSTED -> DOMAIN_HOSTED;
            case HOSTED_LID -> DOMAIN_HOSTED_LID;
            default -> -1;
        };
    }

    /**
     * The server an AD-JID domain type byte stands for. Unknown domain types map to {@link #USER},
     * as Baileys reads them (whatsmeow would keep the byte as a raw agent instead).
     */
    public static String forDomainType(int domainType) {
        return switch (domainType) {
            case DOMAIN_LID -> LID;
            case DOMAIN_HOSTED -> HOSTED;
            case DOMAIN_HOSTED_LID -> HOSTED_LID;
            default -> USER;
        };
    }
}
