/**
 * Plumbing shared by the account's social namespaces: building IQs to the server, usync queries, reading text
 * content, and refining {@link io.tryx.protocol.client.IqException}s into the typed refusals each namespace names.
 */
package io.tryx.protocol.client.iq;
