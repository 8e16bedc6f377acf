/**
 * The Noise server certificate chain (root -> intermediate -> leaf certifying the server's static key):
 * {@link io.tryx.protocol.cert.CertChainVerifier} for clients, {@link io.tryx.protocol.cert.CertificateAuthority}
 * for the WhatsApp simulator. Time is injected, never read from the system clock.
 */
package io.tryx.protocol.cert;
