/**
 * The bridge as an application: its resolved {@link io.tryx.bridge.app.BridgeConfig} and the
 * {@link io.tryx.bridge.app.BridgeRuntime} the launcher and the status page drive.
 */
package io.tryx.bridge.app;
