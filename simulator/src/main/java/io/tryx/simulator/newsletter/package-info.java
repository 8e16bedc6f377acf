/**
 * Newsletters (WhatsApp Channels) as the server serves them: a bounded directory, the GraphQL {@code w:mex} queries
 * (create, metadata, follow, unfollow, mute, subscribed), the {@code xmlns="newsletter"} IQs (messages, message
 * updates, live updates), posts fanned out in the clear to followers with server ids, reactions counted, and the
 * admin endpoints that let a mock phone own and post to one.
 */
package io.tryx.simulator.newsletter;
