/**
 * Voice and video call signalling ({@code <call>} stanzas): incoming offers, accepts, rejects and terminations as
 * {@link io.tryx.protocol.client.calls.CallEvent}s, and rejecting a call. Audio and video are not carried.
 */
package io.tryx.protocol.client.calls;
