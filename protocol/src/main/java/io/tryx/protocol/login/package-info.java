/**
 * Pure login material: the ClientPayloads of registration and login, and the client version they announce.
 */
package io.tryx.protocol.login;
