/**
 * Media of the runtime client, streamed both ways in constant memory: {@code media_conn} cached until its ttl
 * ({@link io.tryx.protocol.client.media.MediaConnections}), downloads decrypted and verified while they stream
 * ({@link io.tryx.protocol.client.media.MediaDownloader}, {@link io.tryx.protocol.client.media.MediaRef}), uploads
 * encrypted to a temporary file and streamed to the media host ({@link io.tryx.protocol.client.media.MediaUploader}),
 * and the media messages built from an upload ({@link io.tryx.protocol.client.media.MediaMessages}), all behind
 * {@link io.tryx.protocol.client.media.Media}. Failures are typed {@link io.tryx.protocol.client.media.MediaException}s.
 */
package io.tryx.protocol.client.media;
