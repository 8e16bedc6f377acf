/**
 * 1:1 sessions: X3DH setup ({@link io.tryx.protocol.signal.session.SessionBuilder}), the Double Ratchet
 * ({@link io.tryx.protocol.signal.session.SessionCipher}), session records with archived states and their
 * versioned storage form.
 */
package io.tryx.protocol.signal.session;
