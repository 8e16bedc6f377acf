/**
 * The command topic's consumer: decoding, dead letters, one handler per namespace, one result per command
 * ({@link io.tryx.bridge.commands.CommandService}).
 */
package io.tryx.bridge.commands;
