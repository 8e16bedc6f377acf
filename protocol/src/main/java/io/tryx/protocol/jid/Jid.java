package io.tryx.protocol.jid;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A WhatsApp JID: an address of a user, a device of a user, a group, a broadcast list, a channel or a server.
 *
 * <p>Components: {@code user} (empty for a server-only JID), {@code rawAgent} (0-255, the agent of the
 * {@code user.agent:device@server} form), {@code device} (0-65535, 0 being the primary device),
 * {@code integrator} (0-65535, only for {@link JidServer#INTEROP}) and {@code server}.
 *
 * <p>Every JID has exactly one canonical text form, {@link #toString()}, and {@link #parse(String)} reads it
 * back to an equal JID. The forms are:
 * <ul>
 *   <li>{@code s.whatsapp.net} &mdash; server only;</li>
 *   <li>{@code user@server};</li>
 *   <li>{@code user:device@server} &mdash; a device (device &gt; 0);</li>
 *   <li>{@code user.agent:device@server} &mdash; with a raw agent (agent &gt; 0; the device is always written);</li>
 *   <li>{@code integrator-user:device@interop} &mdash; interop users (integrator and device always written, as
 *       Baileys renders them).</li>
 * </ul>
 * {@link #parse(String)} also accepts the looser spellings whatsmeow accepts ({@code user:03@server},
 * {@code user.5@server}, {@code @server}, {@code user@interop}); they parse to the JID whose canonical form
 * may differ. Text without {@code '@'} is a JID only if it is one of {@link JidServer#KNOWN} (so that an
 * ordinary word is not mistaken for a server). Users may not contain {@code @ : .}, spaces or control characters; servers are lower-case
 * letters, digits, dots and dashes. Invalid input raises {@link ProtocolException} with
 * {@link Reason#INVALID_JID}.
 */
public final class Jid {

    private static final Pattern BOT_USER = Pattern.compile("^1313555\\d{4}$|^131655500\\d{2}$");

    /** The server JID {@code s.whatsapp.net}. */
    public static final Jid USER_SERVER = server(JidServer.USER);
    /** The server JID {@code g.us}. */
    public static final Jid GROUP_SERVER = server(JidServer.GROUP);
    /** The status broadcast {@code status@broadcast}. */
    public static final Jid STATUS_BROADCAST = user("status", JidServer.BROADCAST);
    /** The public service announcements account {@code 0@s.whatsapp.net}. */
    public static final Jid PSA = user("0", JidServer.USER);

    private final String user;
    private final int rawAgent;
    private final int device;
    private final int integrator;
    private final String server;
    private String text;

    private Jid(String user, int rawAgent, int device, int integrator, String server, boolean validate) {
        if (validate) {
            String problem = problem(user, rawAgent, device, integrator, server);
            if (problem != null) {
                throw invalid(problem, user + "/" + server);
            }
        }
        this.user = user;
        this.rawAgent = rawAgent;
        this.device = device;
        this.integrator = integrator;
        this.server = server;
    }

    /** A JID from its components; throws {@link Reason#INVALID_JID} if they do not form a valid JID. */
    public static Jid of(String user, int rawAgent, int device, int integrator, String server) {
        return new Jid(Objects.requireNonNull(user, "user"), rawAgent, device, integrator,
                Objects.requireNonNull(server, "server"), true);
    }

    /**
     * A JID from its components, or {@code null} if they do not form a valid JID. For decoders that fall
     * back to plain text when the wire carries something no JID can represent; no exception is created.
     */
    public static Jid ofOrNull(String user, int rawAgent, int device, int integrator, String server) {
        if (user == null || server == null || problem(user, rawAgent, device, integrator, server) != null) {
            return null;
        }
        return new Jid(user, rawAgent, device, integrator, server, false);
    }

    /** {@code user@server}. */
    public static Jid user(String user, String server) {
        return of(user, 0, 0, 0, server);
    }

    /** {@code user:device@server}. */
    public static Jid device(String user, int device, String server) {
        return of(user, 0, device, 0, server);
    }

    /** A server-only JID such as {@code s.whatsapp.net}. */
    public static Jid server(String server) {
        return of("", 0, 0, 0, server);
    }

    /** {@code integrator-user:device@interop}. */
    public static Jid interop(int integrator, String user, int device) {
        return of(user, 0, device, integrator, JidServer.INTEROP);
    }

    /** Parses a JID in any form listed in the class documentation. */
    public static Jid parse(String text) {
        if (text == null) {
            throw new ProtocolException(Reason.INVALID_JID, "JID is null");
        }
        int at = text.indexOf('@');
        if (at < 0) {
            if (!JidServer.isKnown(text)) {
                throw invalid("no '@' and not a known server", text);
            }
            return new Jid("", 0, 0, 0, text, false);
        }
        if (text.indexOf('@', at + 1) >= 0) {
            throw invalid("more than one '@'", text);
        }
        String userPart = text.substring(0, at);
        String server = text.substring(at + 1);
        if (userPart.isEmpty()) {
            return of("", 0, 0, 0, server);
        }
        if (server.equals(JidServer.INTEROP)) {
            return parseInterop(text, userPart);
        }
        int dot = userPart.indexOf('.');
        if (dot >= 0) {
            String agentAndDevice = userPart.substring(dot + 1);
            int colon = agentAndDevice.indexOf(':');
            int agent = number(text, agentAndDevice, 0, colon < 0 ? agentAndDevice.length() : colon, 255);
            int device = colon < 0 ? 0 : number(text, agentAndDevice, colon + 1, agentAndDevice.length(), 65535);
            return checked(text, userPart.substring(0, dot), agent, device, 0, server);
        }
        int colon = userPart.indexOf(':');
        if (colon >= 0) {
            int device = number(text, userPart, colon + 1, userPart.length(), 65535);
            return checked(text, userPart.substring(0, colon), 0, device, 0, server);
        }
        return checked(text, userPart, 0, 0, 0, server);
    }

    private static Jid parseInterop(String text, String userPart) {
        int integrator = 0;
        String rest = userPart;
        int dash = userPart.indexOf('-');
        if (dash > 0 && allDigits(userPart, 0, dash)) {
            integrator = number(text, userPart, 0, dash, 65535);
            rest = userPart.substring(dash + 1);
        }
        int colon = rest.indexOf(':');
        int device = colon < 0 ? 0 : number(text, rest, colon + 1, rest.length(), 65535);
        return checked(text, colon < 0 ? rest : rest.substring(0, colon), 0, device, integrator, JidServer.INTEROP);
    }

    private static Jid checked(String text, String user, int agent, int device, int integrator, String server) {
        String problem = problem(user, agent, device, integrator, server);
        if (problem != null) {
            throw invalid(problem, text);
        }
        return new Jid(user, agent, device, integrator, server, false);
    }

    private static int number(String text, String s, int from, int to, int max) {
        if (from >= to || to - from > 5 || !allDigits(s, from, to)) {
            throw invalid("expected a number of at most " + max + " in '" + s.substring(from, to) + "'", text);
        }
        int value = Integer.parseInt(s, from, to, 10);
        if (value > max) {
            throw invalid("number " + value + " exceeds " + max, text);
        }
        return value;
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String problem(String user, int agent, int device, int integrator, String server) {
        if (!validServer(server)) {
            return "invalid server '" + clip(server) + "'";
        }
        if (agent < 0 || agent > 255) {
            return "agent out of range: " + agent;
        }
        if (device < 0 || device > 65535) {
            return "device out of range: " + device;
        }
        if (integrator < 0 || integrator > 65535) {
            return "integrator out of range: " + integrator;
        }
        if (user.isEmpty()) {
            return agent == 0 && device == 0 && integrator == 0 ? null : "agent, device or integrator without a user";
        }
        boolean interop = server.equals(JidServer.INTEROP);
        if (!interop && integrator != 0) {
            return "integrator outside the interop server";
        }
        if (interop && agent != 0) {
            return "agent on the interop server";
        }
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (c == '@' || c == ':' || c == '.' || c <= ' ' || c == 0x7f) {
                return "invalid character in user '" + clip(user) + "'";
            }
        }
        return null;
    }

    /** 1-255 lower-case letters, digits, dots and dashes; checked by hand, as decoders call this per JID. */
    private static boolean validServer(String server) {
        int n = server.length();
        if (n == 0 || n > 255) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = server.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static ProtocolException invalid(String problem, String text) {
        return new ProtocolException(Reason.INVALID_JID, problem + " (JID '" + clip(text) + "')");
    }

    private static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    /** The user part; empty for a server-only JID. */
    public String user() {
        return user;
    }

    /** The raw agent of the {@code user.agent:device@server} form; 0 if none. */
    public int rawAgent() {
        return rawAgent;
    }

    /** The device; 0 for the primary device or a JID that names no device. */
    public int device() {
        return device;
    }

    /** The interop integrator; 0 outside {@link JidServer#INTEROP}. */
    public int integrator() {
        return integrator;
    }

    /** The server, e.g. {@code s.whatsapp.net}. */
    public String server() {
        return server;
    }

    /** This JID without agent and device: the user (or group, ...) as a whole. */
    public Jid toNonAd() {
        return rawAgent == 0 && device == 0 ? this : new Jid(user, 0, 0, integrator, server, false);
    }

    /** The same JID on another device of the same user. */
    public Jid withDevice(int newDevice) {
        return of(user, rawAgent, newDevice, integrator, server);
    }

    /** Whether both JIDs name the same user on the same server, whatever their devices. */
    public boolean sameUser(Jid other) {
        return user.equals(other.user) && server.equals(other.server) && integrator == other.integrator;
    }

    /**
     * The AD-JID domain type: the server's ({@link JidServer#domainType}) if it has one, else the raw agent
     * (as whatsmeow's {@code ActualAgent}).
     */
    public int domainType() {
        int domain = JidServer.domainType(server);
        return domain >= 0 ? domain : rawAgent;
    }

    /** Whether this JID names a server only. */
    public boolean isServerOnly() {
        return user.isEmpty();
    }

    /** Whether this JID names a specific device (agent or device set). */
    public boolean isAd() {
        return rawAgent != 0 || device != 0;
    }

    /** Whether this is a phone-number user (or device) on {@code s.whatsapp.net}. */
    public boolean isPhoneUser() {
        return !user.isEmpty() && server.equals(JidServer.USER);
    }

    /** Whether this is a hidden (LID) user or device. */
    public boolean isLid() {
        return !user.isEmpty() && server.equals(JidServer.LID);
    }

    /** Whether this is a group. */
    public boolean isGroup() {
        return !user.isEmpty() && server.equals(JidServer.GROUP);
    }

    /** Whether this is a broadcast list other than the status broadcast. */
    public boolean isBroadcastList() {
        return !user.isEmpty() && server.equals(JidServer.BROADCAST) && !user.equals(STATUS_BROADCAST.user);
    }

    /** Whether this is the status broadcast {@code status@broadcast}. */
    public boolean isStatusBroadcast() {
        return equals(STATUS_BROADCAST);
    }

    /** Whether this is a channel. */
    public boolean isNewsletter() {
        return !user.isEmpty() && server.equals(JidServer.NEWSLETTER);
    }

    /** Whether this is a hosted (cloud API) user, by phone number or LID. */
    public boolean isHosted() {
        return !user.isEmpty() && (server.equals(JidServer.HOSTED) || server.equals(JidServer.HOSTED_LID));
    }

    /** Whether this is a Messenger user. */
    public boolean isMessenger() {
        return !user.isEmpty() && server.equals(JidServer.MESSENGER);
    }

    /** Whether this is a user of an interoperating network. */
    public boolean isInterop() {
        return !user.isEmpty() && server.equals(JidServer.INTEROP);
    }

    /** Whether this is a bot: the {@code bot} server, or the well-known bot numbers as whatsmeow defines them. */
    public boolean isBot() {
        return (server.equals(JidServer.USER) && device == 0 && BOT_USER.matcher(user).matches())
                || (!user.isEmpty() && server.equals(JidServer.BOT));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Jid other && rawAgent == other.rawAgent && device == other.device
                && integrator == other.integrator && user.equals(other.user) && server.equals(other.server);
    }

    @Override
    public int hashCode() {
        return ((user.hashCode() * 31 + server.hashCode()) * 31 + device) * 31 + rawAgent * 65537 + integrator;
    }

    /** The canonical text form (see the class documentation). */
    @Override
    public String toString() {
        String s = text;
        if (s == null) {
            s = format();
            text = s;
        }
        return s;
    }

    private String format() {
        if (user.isEmpty()) {
            return server;
        }
        if (server.equals(JidServer.INTEROP)) {
            return integrator + "-" + user + ":" + device + "@" + server;
        }
        if (rawAgent > 0) {
            return user + "." + rawAgent + ":" + device + "@" + server;
        }
        if (device > 0) {
            return user + ":" + device + "@" + server;
        }
        return user + "@" + server;
    }
}
