package io.tryx.protocol.cert;

/** A server certificate chain that passed {@link CertChainVerifier}: what the server proved about itself. */
public record VerifiedCertChain(CertDetails intermediate, CertDetails leaf) {
}
