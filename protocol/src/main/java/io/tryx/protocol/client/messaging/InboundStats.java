package io.tryx.protocol.client.messaging;

/**
 * One account's inbound backlog at a moment: units of work (messages, receipts, group notifications) queued or being
 * handled, the most there ever were at once, how often reading from the socket was paused for it, and whether it is
 * paused now.
 */
public record InboundStats(int queued, int peak, int pauses, boolean paused) {
}
