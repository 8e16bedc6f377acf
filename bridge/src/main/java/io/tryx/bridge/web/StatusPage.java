package io.tryx.bridge.web;

import io.tryx.bridge.app.AccountStatus;
import io.tryx.bridge.app.BridgeRuntime;
import io.tryx.bridge.qr.QrSvg;

import java.util.List;
import java.util.Optional;

/**
 * The HTML status page: the bridge's addresses and readiness, and per account its state with the QR code to scan
 * (inline SVG) or the pair code to type. It reloads itself every {@link #REFRESH_SECONDS} seconds, since QR codes
 * rotate every 20 s. Every value is HTML-escaped.
 */
final class StatusPage {

    static final int REFRESH_SECONDS = 3;
    private static final int QR_PIXELS = 264;

    private StatusPage() {
    }

    static String render(Optional<BridgeRuntime> runtime) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"").append(REFRESH_SECONDS).append("\">")
                .append("<title>Tryx Bridge</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#222}")
                .append("table{border-collapse:collapse}td,th{padding:.4rem .8rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}")
                .append(".state{font-weight:600}.code{font-family:monospace;font-size:1.6rem;letter-spacing:.2rem}")
                .append(".ready{color:#070}.notready{color:#a00}</style></head><body><h1>Tryx Bridge</h1>");
        if (runtime.isEmpty()) {
            html.append("<p class=\"notready\">starting&hellip;</p></body></html>");
            return html.toString();
        }
        BridgeRuntime bridge = runtime.get();
        boolean ready = bridge.ready();
        html.append("<p class=\"").append(ready ? "ready\">ready" : "notready\">not ready").append("</p>")
                .append("<p>Kafka <code>").append(escape(bridge.bootstrapServers())).append("</code>, schema registry <code>")
                .append(escape(bridge.schemaRegistryUrl())).append("</code>, topic prefix <code>")
                .append(escape(bridge.topicPrefix())).append("</code></p>");
        List<AccountStatus> accounts = bridge.accounts();
        if (accounts.isEmpty()) {
            html.append("<p>No accounts yet: <code>./tryx accounts add &lt;phone number&gt;</code></p>");
        } else {
            html.append("<table><tr><th>account</th><th>device</th><th>state</th><th>link</th></tr>");
            accounts.forEach(account -> row(html, account));
            html.append("</table>");
        }
        return html.append("</body></html>").toString();
    }

    private static void row(StringBuilder html, AccountStatus account) {
        html.append("<tr class=\"account\"><td>").append(escape(account.accountId())).append("</td><td>")
                .append(escape(account.jid().orElse(""))).append("</td><td class=\"state\">")
                .append(escape(account.state())).append("</td><td>");
        if (account.qrCode().isPresent()) {
            html.append("<div>Scan with WhatsApp &gt; Linked devices &gt; Link a device</div>")
                    .append(QrSvg.render(account.qrCode().get(), QR_PIXELS));
        } else if (account.pairCode().isPresent()) {
            html.append("<div>Type on the phone (Link with phone number instead):</div><div class=\"code\">")
                    .append(escape(account.pairCode().get())).append("</div>");
        }
        html.append("</td></tr>");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
