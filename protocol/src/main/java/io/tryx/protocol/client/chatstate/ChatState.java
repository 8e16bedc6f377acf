package io.tryx.protocol.client.chatstate;

/** What a user is doing in a chat: typing, recording a voice note, or stopped. */
public enum ChatState {
    COMPOSING, RECORDING, PAUSED
}
