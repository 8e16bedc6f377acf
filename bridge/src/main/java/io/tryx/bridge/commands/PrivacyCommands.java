package io.tryx.bridge.commands;

import io.tryx.bridge.accounts.AccountHost;
import io.tryx.bridge.events.PrivacyNames;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.PrivacySettings;
import io.tryx.commands.v1.privacy.GetPrivacySettings;
import io.tryx.commands.v1.privacy.PrivacyEntry;
import io.tryx.commands.v1.privacy.SetPrivacySetting;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.privacy.PrivacyCategory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static io.tryx.bridge.commands.ContactCommands.payload;

/**
 * The {@code privacy} namespace: {@code GetPrivacySettings} asks the server (the bridge keeps no copy, so
 * {@code refresh} changes nothing) and {@code SetPrivacySetting} changes one setting and then reads them all back;
 * both answer {@code PrivacySettings} with every setting the contract names. A value the setting does not take
 * (e.g. {@code ONLINE=CONTACTS}) is {@code INVALID_COMMAND}, before anything is sent.
 */
final class PrivacyCommands implements NamespaceHandler {

    private final AccountHost host;

    PrivacyCommands(AccountHost host) {
        this.host = host;
    }

    @Override
    public Set<Class<?>> actions() {
        return Set.of(GetPrivacySettings.class, SetPrivacySetting.class);
    }

    @Override
    public CompletableFuture<CommandSucceeded> handle(Command command) {
        WhatsAppClient client = AccountClients.connected(host, command.getAccount());
        return switch (command.getAction()) {
            case GetPrivacySettings ignored -> client.privacy().settings().thenApply(PrivacyCommands::settings);
            case SetPrivacySetting set -> {
                PrivacyCategory category = PrivacyNames.category(set.getSetting()).orElseThrow(() ->
                        CommandFailure.invalid("SetPrivacySetting needs a setting"));
                io.tryx.protocol.client.privacy.PrivacyValue value = PrivacyNames.value(set.getValue()).orElseThrow(() ->
                        CommandFailure.invalid("SetPrivacySetting needs a value"));
                if (!category.accepts(value)) {
                    throw CommandFailure.invalid(set.getSetting() + " does not take " + set.getValue());
                }
                yield client.privacy().set(category, value).thenCompose(changed -> client.privacy().settings())
                        .thenApply(PrivacyCommands::settings);
            }
            default -> throw new IllegalArgumentException("not a privacy action: " + command.getAction());
        };
    }

    private static CommandSucceeded settings(io.tryx.protocol.client.privacy.PrivacySettings settings) {
        List<PrivacyEntry> entries = new ArrayList<>();
        for (PrivacyCategory category : PrivacyCategory.values()) {
            settings.value(category).ifPresent(value -> PrivacyNames.setting(category).ifPresent(setting ->
                    PrivacyNames.value(value).ifPresent(v -> entries.add(PrivacyEntry.newBuilder().setSetting(setting)
                            .setValue(v).build()))));
        }
        return payload(PrivacySettings.newBuilder().setEntries(entries).build());
    }
}
