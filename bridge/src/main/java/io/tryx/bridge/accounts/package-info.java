/**
 * Many WhatsApp accounts in one process: {@link io.tryx.bridge.accounts.AccountHost} runs a
 * {@code WhatsAppClient} per account on shared threads and reports what happens to an
 * {@link io.tryx.bridge.accounts.AccountObserver}.
 */
package io.tryx.bridge.accounts;
