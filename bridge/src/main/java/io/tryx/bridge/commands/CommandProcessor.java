package io.tryx.bridge.commands;

import io.tryx.bridge.accounts.AccountHost;
import io.tryx.bridge.serde.AvroDeserializer;
import io.tryx.bridge.serde.AvroSerdeException;
import io.tryx.bridge.topics.RecordProducer;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandFailed;
import io.tryx.commands.v1.CommandResult;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.DeadLetterReason;
import io.tryx.commands.v1.ErrorCode;
import io.tryx.commands.v1.account.AddAccount;
import io.tryx.protocol.jid.Jid;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Takes one consumed command record to its one output, durable in Kafka before the returned future completes (sent
 * through the {@link CommandOutputs}: acknowledged, or committed in one transaction with the record's offset):
 * <ol>
 *   <li>when the registry cannot be reached to read the record's writer schema, the future fails with
 *       {@link RetryLater} and the consumer takes the batch again later (a valid command is never dead-lettered
 *       for a registry outage);</li>
 *   <li>records that are not a {@code Command} (bad bytes, unknown schema, empty command id), that have no key or a
 *       key other than the command's account, or whose account is not a user JID go to the dead-letter topic with
 *       the reason (nothing can be answered to them);</li>
 *   <li>a command id seen before for the account gets the first result again ({@link ResultMemo}, rebuilt from the
 *       results topic after a restart; the same id for another action fails with {@code CONFLICT}); it is not
 *       carried out again;</li>
 *   <li>otherwise the handler of its namespace carries it out, bounded by the command timeout, and exactly one
 *       {@code CommandResult} keyed by the account goes to the results topic: {@code CommandSucceeded} with the
 *       outputs, or {@code CommandFailed} with a typed code ({@code UNKNOWN_ACCOUNT} for accounts the bridge does not
 *       host, except AddAccount).</li>
 * </ol>
 */
final class CommandProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);

    private final AvroDeserializer<Command> decoder;
    private final CommandRouter router;
    private final AccountHost host;
    private final RecordProducer producer;
    private final CommandOutputs outputs;
    private final String resultsTopic;
    private final DeadLetters deadLetters;
    private final ResultMemo memo;
    private final CommandMetrics metrics;
    private final InstantSource clock;
    private final Duration timeout;

    CommandProcessor(AvroDeserializer<Command> decoder, CommandRouter router, AccountHost host, RecordProducer producer,
                     CommandOutputs outputs, String resultsTopic, DeadLetters deadLetters, ResultMemo memo, CommandMetrics metrics,
                     InstantSource clock, Duration timeout) {
        this.decoder = decoder;
        this.router = router;
        this.host = host;
        this.producer = producer;
        this.outputs = outputs;
        this.resultsTopic = resultsTopic;
        this.deadLetters = deadLetters;
        this.memo = memo;
        this.metrics = metrics;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * Completes when the record's result or dead letter was acknowledged; fails when Kafka did not take it or the
     * registry was unavailable ({@link RetryLater}).
     */
    CompletableFuture<Void> process(ConsumerRecord<byte[], byte[]> record, ConsumerGroupMetadata group) {
        Source source = new Source(record, group);
        try {
            return take(source);
        } catch (RuntimeException e) {
            LOG.warn("command record {}-{}@{} could not be processed", record.topic(), record.partition(), record.offset(), e);
            return deadLetter(source, DeadLetterReason.PROCESSING_FAILED, e.toString());
        }
    }

    /** The record being processed and the group generation of the consumer that took it. */
    private record Source(ConsumerRecord<byte[], byte[]> record, ConsumerGroupMetadata group) {
    }

    private CompletableFuture<Void> take(Source source) {
        ConsumerRecord<byte[], byte[]> record = source.record();
        long start = System.nanoTime();
        Command command;
        try {
            command = decoder.deserialize(record.topic(), record.value());
        } catch (AvroSerdeException e) {
            if (e.reason() == AvroSerdeException.Reason.REGISTRY_UNAVAILABLE) {
                // not the record's fault: the same bytes decode once the registry answers again
                return CompletableFuture.failedFuture(new RetryLater("the schema registry is unavailable: "
                        + e.getMessage(), e));
            }
            return deadLetter(source, DeadLetterReason.UNDECODABLE, e.getMessage());
        }
        if (command == null) {
            return deadLetter(source, DeadLetterReason.UNDECODABLE, "the record has no value");
        }
        if (command.getCommandId().isBlank()) {
            return deadLetter(source, DeadLetterReason.UNDECODABLE, "the command has an empty commandId");
        }
        if (record.key() == null) {
            return deadLetter(source, DeadLetterReason.MISSING_KEY, "command " + command.getCommandId()
                    + " has no key; key commands by their account");
        }
        String key = new String(record.key(), StandardCharsets.UTF_8);
        if (!key.equals(command.getAccount())) {
            return deadLetter(source, DeadLetterReason.KEY_MISMATCH, "command " + command.getCommandId() + " is keyed '"
                    + key + "' but is for account '" + command.getAccount() + "'");
        }
        if (!isUserJid(command.getAccount())) {
            return deadLetter(source, DeadLetterReason.UNKNOWN_ACCOUNT, "command " + command.getCommandId()
                    + ": account '" + command.getAccount() + "' is not a user JID (<number>@s.whatsapp.net)");
        }
        return answer(source, command, start);
    }

    private CompletableFuture<Void> answer(Source source, Command command, long start) {
        String action = actionName(command);
        var remembered = memo.find(command.getAccount(), command.getCommandId());
        if (remembered.isPresent()) {
            String before = remembered.get().action();
            CommandResult result = before == null || before.equals(action) ? remembered.get().result()
                    : failed(command, new CommandFailure(ErrorCode.CONFLICT, "command id " + command.getCommandId()
                    + " was used before for " + before, null, false).toRecord());
            LOG.info("command {} of {} repeated: answering its first result again", command.getCommandId(),
                    command.getAccount());
            metrics.repeated(action);
            return publish(source, result, action);
        }
        CompletableFuture<CommandSucceeded> outcome;
        if (!(command.getAction() instanceof AddAccount) && host.find(command.getAccount()).isEmpty()) {
            outcome = CompletableFuture.failedFuture(new CommandFailure(ErrorCode.UNKNOWN_ACCOUNT,
                    "the bridge does not host account " + command.getAccount(), null, false));
        } else {
            outcome = router.route(command).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        return outcome.handle((succeeded, error) -> {
            if (error == null) {
                return result(command, succeeded);
            }
            CommandFailure failure = Failures.of(error);
            if (failure.code() == ErrorCode.INTERNAL) {
                LOG.warn("command {} ({}) of {} failed unexpectedly", command.getCommandId(), action,
                        command.getAccount(), error);
            }
            return failed(command, failure.toRecord());
        }).thenCompose(result -> {
            memo.remember(command.getAccount(), command.getCommandId(), action, result);
            metrics.completed(action, outcomeOf(result), start);
            return publish(source, result, action);
        });
    }

    /** Publishes a result with the action it answers in the {@link ResultHistory#ACTION_HEADER} header. */
    private CompletableFuture<Void> publish(Source source, CommandResult result, String action) {
        ProducerRecord<byte[], byte[]> output;
        try {
            output = new ProducerRecord<>(resultsTopic, null, result.getAccount().getBytes(StandardCharsets.UTF_8),
                    producer.serialize(resultsTopic, result),
                    List.of(new RecordHeader(ResultHistory.ACTION_HEADER, action.getBytes(StandardCharsets.UTF_8))));
        } catch (RuntimeException e) {
            metrics.kafkaError("command-result");
            return CompletableFuture.failedFuture(e);
        }
        return outputs.emit(source.record(), source.group(), output)
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        metrics.kafkaError("command-result");
                    }
                });
    }

    private CompletableFuture<Void> deadLetter(Source source, DeadLetterReason reason, String detail) {
        ConsumerRecord<byte[], byte[]> record = source.record();
        LOG.info("dead letter from {}-{}@{}: {} {}", record.topic(), record.partition(), record.offset(), reason, detail);
        metrics.deadLettered(reason.name());
        ProducerRecord<byte[], byte[]> letter;
        try {
            letter = deadLetters.letter(record, reason, detail);
        } catch (RuntimeException e) {
            metrics.kafkaError("dead-letter");
            return CompletableFuture.failedFuture(e);
        }
        return outputs.emit(record, source.group(), letter).whenComplete((ok, error) -> {
            if (error != null) {
                metrics.kafkaError("dead-letter");
            }
        });
    }

    private CommandResult result(Command command, CommandSucceeded succeeded) {
        return CommandResult.newBuilder().setCommandId(command.getCommandId()).setAccount(command.getAccount())
                .setCompletedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS)).setStatus(succeeded).build();
    }

    private CommandResult failed(Command command, CommandFailed failed) {
        return CommandResult.newBuilder().setCommandId(command.getCommandId()).setAccount(command.getAccount())
                .setCompletedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS)).setStatus(failed).build();
    }

    private static String outcomeOf(CommandResult result) {
        return result.getStatus() instanceof CommandFailed failed ? failed.getCode().name() : "ok";
    }

    /** {@code namespace.Action}, e.g. {@code messages.SendMessage}. */
    static String actionName(Command command) {
        Object action = command.getAction();
        String name = action instanceof SpecificRecord record ? record.getSchema().getName() : "unknown";
        return UnsupportedCommands.namespaceOf(action) + "." + name;
    }

    private static boolean isUserJid(String account) {
        try {
            Jid jid = Jid.parse(account);
            return (jid.isPhoneUser() || jid.isLid()) && !jid.isAd() && !jid.user().isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
