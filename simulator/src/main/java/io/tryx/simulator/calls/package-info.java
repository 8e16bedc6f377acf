/** Voice and video call signalling: calls placed through the admin API, offered to the callee's companions, rejected or terminated. */
package io.tryx.simulator.calls;
