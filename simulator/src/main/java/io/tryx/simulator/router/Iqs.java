package io.tryx.simulator.router;

import io.tryx.protocol.binary.Node;

import java.util.List;

/** Builders for the IQ answers the real server gives. */
public final class Iqs {

    /** The server's address, {@code s.whatsapp.net}. */
    public static final String SERVER = "s.whatsapp.net";

    private Iqs() {
    }

    /** {@code <iq type="result" id=... from="s.whatsapp.net">children</iq>}. */
    public static Node result(Node request, Node... children) {
        return result(request, List.of(children));
    }

    public static Node result(Node request, List<Node> children) {
        Node.Builder iq = Node.builder("iq").attr("from", SERVER).attr("type", "result")
                .attr("id", request.attrs().optionalString("id").orElse(""));
        if (!children.isEmpty()) {
            iq.children(children);
        }
        return iq.build();
    }

    /** {@code <iq type="error" id=... from="s.whatsapp.net"><error code=... text=.../></iq>}. */
    public static Node error(Node request, IqError error) {
        return Node.builder("iq").attr("from", SERVER).attr("type", "error")
                .attr("id", request.attrs().optionalString("id").orElse(""))
                .children(Node.builder("error").attr("code", Integer.toString(error.code())).attr("text", error.text()).build())
                .build();
    }

    /** A server-initiated {@code <iq type="set" xmlns=... id=... from="s.whatsapp.net">child</iq>}. */
    public static Node set(String id, String xmlns, Node child) {
        return Node.builder("iq").attr("from", SERVER).attr("type", "set").attr("id", id).attr("xmlns", xmlns)
                .children(child).build();
    }
}
