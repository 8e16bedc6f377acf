/**
 * The privacy namespace: the account's privacy settings ({@code iq xmlns="privacy"}), the per-setting lists of
 * contacts excluded under "my contacts except...", the default disappearing-messages timer
 * ({@code iq xmlns="disappearing_mode"}) and privacy tokens.
 */
package io.tryx.protocol.client.privacy;
