package io.tryx.protocol.message;

/**
 * What a key derived from a message's secret protects. The label is mixed into the derivation; votes
 * and event responses also bind the original id and the voter as AES-GCM associated data.
 */
public enum MessageSecretUseCase {
    POLL_VOTE("Poll Vote", true),
    ENC_REACTION("Enc Reaction", false),
    ENC_COMMENT("Enc Comment", false),
    REPORT_TOKEN("Report Token", false),
    EVENT_RESPONSE("Event Response", true),
    EVENT_EDIT("Event Edit", false),
    MESSAGE_EDIT("Message Edit", false),
    POLL_EDIT("Poll Edit", false),
    POLL_ADD_OPTION("Poll Add Option", false),
    BOT_MESSAGE("Bot Message", false);

    private final String label;
    private final boolean bindsSender;

    MessageSecretUseCase(String label, boolean bindsSender) {
        this.label = label;
        this.bindsSender = bindsSender;
    }

    public String label() {
        return label;
    }

    /** True when the GCM associated data is {@code originalId \0 modificationSender}. */
    public boolean bindsSender() {
        return bindsSender;
    }
}
