/** Status updates: text and media posts to {@code status@broadcast} for a chosen audience, and their deletion. */
package io.tryx.protocol.client.status;
