/**
 * Command-line tools over the protocol core, e.g. {@link io.tryx.protocol.tools.WireTool} (frame plaintext
 * to and from JSON), with fixed contracts other tools and scripts depend on.
 */
package io.tryx.protocol.tools;
