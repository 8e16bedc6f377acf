/**
 * The newsletter namespace (WhatsApp Channels): GraphQL {@code w:mex} IQs (create, metadata, follow, unfollow, mute,
 * subscribed list), {@code xmlns="newsletter"} IQs (fetch posts, live updates), posts sent and received in the clear
 * ({@code <plaintext>}, numbered by the server's {@code server_id}) and reactions to them.
 */
package io.tryx.protocol.client.newsletter;
