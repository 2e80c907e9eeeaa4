package baedal.flags;

import baedal.outbox.Outbox;
import baedal.outbox.OutboxRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an operator does with flags: reads them, changes one against the version they saw, reads its audit and which
 * instances run which version. A change commits in the flags' database together with its outbox row, so the relay
 * publishes it on {@code baedal.flags} for every instance; every attempt, accepted or refused, is audited.
 */
public class FlagAdministration {

    /** The name the flags' database is registered with the outbox under. */
    static final String DATABASE = "flags";
    /** The aggregate type of a flag's events; it routes them to {@code baedal.flags}. */
    static final String AGGREGATE_TYPE = "Flag";

    private final FlagCatalogue catalogue;
    private final FlagStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final @Nullable Outbox outbox;
    private final LiveFlags live;
    private final Clock clock;

    FlagAdministration(FlagCatalogue catalogue, JdbcClient jdbc, TransactionTemplate transactions, @Nullable Outbox outbox,
            LiveFlags live, Clock clock) {
        this.catalogue = catalogue;
        this.store = new FlagStore(jdbc);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.live = live;
        this.clock = clock;
    }

    /** A declared flag with its current state in the database (its code default when never changed). */
    public record Flag(FlagDefinition definition, FlagState state) {
    }

    /** Every declared flag with its state in the database. */
    public List<Flag> flags() {
        var stored = store.all().stream().collect(java.util.stream.Collectors.toMap(FlagState::key, s -> s));
        return catalogue.all().stream()
                .map(definition -> new Flag(definition, stored.getOrDefault(definition.key(), FlagState.initial(definition))))
                .toList();
    }

    /** One flag with its state in the database; {@link UnknownFlag} when the code declares none of this key. */
    public Flag flag(String key) {
        FlagDefinition definition = catalogue.get(key);
        return new Flag(definition, store.find(key).orElse(FlagState.initial(definition)));
    }

    /**
     * Changes {@code key} as {@code change} says, if it is still at {@code expectedVersion}: the new version, committed
     * with its event. {@link UnknownFlag}, {@link InvalidFlagChange} or {@link StaleFlagVersion} otherwise; the latter
     * two are audited with their outcome.
     */
    public FlagState change(String key, long expectedVersion, FlagChange change, String subject) {
        FlagDefinition definition = catalogue.get(key);
        Outbox outbox = this.outbox;
        if (outbox == null) {
            throw new FlagsUnavailable();
        }
        Instant at = clock.instant();
        try {
            change.validFor(definition);
        } catch (InvalidFlagChange invalid) {
            audited(key, at, subject, change.reason(), "invalid", expectedVersion, null, invalid.getMessage());
            throw invalid;
        }
        try {
            return transactions.execute(status -> {
                FlagState current = store.lock(definition);
                if (current.version() != expectedVersion) {
                    throw new StaleFlagVersion(key, expectedVersion, current.version());
                }
                FlagState next = current.next(change, subject, clock.instant());
                store.update(current, next);
                store.audit(key, next.changedAt(), subject, change.reason(), "applied", expectedVersion, current, next, null);
                outbox.append(jdbc, DATABASE, new OutboxRecord(UUID.randomUUID(), AGGREGATE_TYPE, key,
                        FlagDocuments.CHANGED, next.version(), next.changedAt(), null, FlagDocuments.json(next)));
                return next;
            });
        } catch (StaleFlagVersion stale) {
            FlagState current = store.find(key).orElse(FlagState.initial(definition));
            audited(key, at, subject, change.reason(), "stale-version", expectedVersion, current, stale.getMessage());
            throw stale;
        }
    }

    /** The audit of {@code key}, newest first (at most {@code limit} attempts). */
    public List<FlagAttempt> history(String key, int limit) {
        catalogue.get(key);
        return store.history(key, limit);
    }

    /** Per instance, the version of {@code key} it last acknowledged. */
    public List<FlagAcknowledgement> instances(String key) {
        catalogue.get(key);
        return store.acknowledgements(key);
    }

    /** The version this instance answers with. */
    public long appliedHere(String key) {
        catalogue.get(key);
        FlagState state = live.state(key);
        return state == null ? 0 : state.version();
    }

    private void audited(String key, Instant at, String subject, String reason, String outcome, long expected,
            FlagState before, String detail) {
        transactions.executeWithoutResult(status -> store.audit(key, at, subject, reason, outcome, expected, before,
                null, detail));
    }
}
