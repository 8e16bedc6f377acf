/**
 * The profile namespace: what this account shows others, its push name ({@code presence name}), "about" text
 * ({@code iq xmlns="status"}) and profile picture ({@code iq xmlns="w:profile:picture"}).
 */
package io.tryx.protocol.client.profile;
