/** The Signal wire messages (pkmsg, msg, skmsg, sender-key distribution) with their version byte, MAC or signature. */
package io.tryx.protocol.signal.wire;
