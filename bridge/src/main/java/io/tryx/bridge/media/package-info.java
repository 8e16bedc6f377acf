/**
 * Files that commands want sent as media: {@link io.tryx.bridge.media.UrlFetcher} fetches a command's media URL
 * into a temporary file, bounded in size and time, and fails with a typed
 * {@link io.tryx.bridge.media.MediaFetchException} (carrying the HTTP status) when it cannot.
 */
package io.tryx.bridge.media;
