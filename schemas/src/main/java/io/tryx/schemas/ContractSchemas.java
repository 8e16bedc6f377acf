package io.tryx.schemas;

import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandResult;
import io.tryx.commands.v1.DeadLetter;
import io.tryx.events.v1.CallEvent;
import io.tryx.events.v1.ChatActionEvent;
import io.tryx.events.v1.ConnectionEvent;
import io.tryx.events.v1.ContactEvent;
import io.tryx.events.v1.GroupEvent;
import io.tryx.events.v1.HistorySyncEvent;
import io.tryx.events.v1.MessageEvent;
import io.tryx.events.v1.PresenceEvent;
import io.tryx.events.v1.ReceiptEvent;
import io.tryx.events.v1.UndecryptableMessageEvent;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * The top-level records of the contract: the value schemas of the bridge's topics. Everything else in the contract
 * is reachable from one of these.
 */
public final class ContractSchemas {

    /** Event records the bridge publishes, one family each. */
    public static final List<Schema> EVENTS = List.of(
            ConnectionEvent.getClassSchema(),
            MessageEvent.getClassSchema(),
            ReceiptEvent.getClassSchema(),
            PresenceEvent.getClassSchema(),
            ChatActionEvent.getClassSchema(),
            ContactEvent.getClassSchema(),
            GroupEvent.getClassSchema(),
            CallEvent.getClassSchema(),
            HistorySyncEvent.getClassSchema(),
            UndecryptableMessageEvent.getClassSchema());

    /** The command envelope callers publish, and the records the bridge answers with. */
    public static final List<Schema> COMMANDS = List.of(
            Command.getClassSchema(),
            CommandResult.getClassSchema(),
            DeadLetter.getClassSchema());

    private ContractSchemas() {
    }

    /** Every top-level record, events first. */
    public static List<Schema> all() {
        return Stream.concat(EVENTS.stream(), COMMANDS.stream()).toList();
    }
}
