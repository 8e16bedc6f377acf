/**
 * What Signal operations read and write, as small interfaces a caller implements over its own storage;
 * one operation's writes can be staged and committed together.
 */
package io.tryx.protocol.signal.store;
