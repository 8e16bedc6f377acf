/**
 * The runtime client's connection lifecycle: credentials, IQ tracking, the session state machine that pairs,
 * logs in, uploads prekeys and reconnects, and the typed events it emits.
 */
package io.tryx.protocol.client;
