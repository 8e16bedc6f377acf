/**
 * Durable state of accounts: one {@link io.tryx.protocol.store.AccountState} interface over every kind of
 * record a linked device keeps, backends that apply an operation's {@link io.tryx.protocol.store.StateChange}s
 * atomically, and the {@link io.tryx.protocol.store.UnitOfWork} operations write through. Runtime package:
 * backends may do IO.
 */
package io.tryx.protocol.store;
