/** The blocking namespace: the account's blocklist ({@code iq xmlns="blocklist"}), read and changed. */
package io.tryx.protocol.client.blocking;
