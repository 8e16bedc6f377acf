package io.tryx.protocol.pairing;

/**
 * Domain-separation prefixes of the ADV ("account device verification") signatures: the account key
 * signs a companion's device identity, the companion countersigns it with its identity key. Hosted
 * (business API) accounts use their own prefixes.
 */
public final class Adv {

    public static final byte[] ACCOUNT_SIGNATURE_PREFIX = {6, 0};
    public static final byte[] DEVICE_SIGNATURE_PREFIX = {6, 1};
    public static final byte[] HOSTED_ACCOUNT_SIGNATURE_PREFIX = {6, 5};
    public static final byte[] HOSTED_DEVICE_SIGNATURE_PREFIX = {6, 6};

    private Adv() {
    }
}
