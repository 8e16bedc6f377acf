/** The bridge's topic names, their creation with partitions, retention and compaction, and the shared producer. */
package io.tryx.bridge.topics;
