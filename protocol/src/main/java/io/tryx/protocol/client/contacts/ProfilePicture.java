package io.tryx.protocol.client.contacts;

import java.net.URI;

/**
 * Where a profile picture can be downloaded (a plain HTTPS GET, not encrypted).
 *
 * @param id         the picture's id (changes with every new picture)
 * @param kind       full image or preview
 * @param url        the download URL on the media host
 * @param directPath the path part, for clients that pick the media host themselves
 */
public record ProfilePicture(String id, PictureKind kind, URI url, String directPath) {
}
