/**
 * The contacts namespace: who is on WhatsApp (usync {@code contact}), what others show (usync {@code status},
 * {@code picture}, {@code devices}, {@code lid}) and where their profile pictures are ({@code w:profile:picture}).
 */
package io.tryx.protocol.client.contacts;
