package baedal.flags;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every statement on the flags' database, as named constants. */
final class FlagStore {

    static final String ALL = """
            select flag_key, version, enabled, rollout_percent, rules::text as rules, changed_at, changed_by
            from flag_state""";
    static final String ENSURE = """
            insert into flag_state (flag_key, version, enabled) values (:key, 0, :enabled)
            on conflict (flag_key) do nothing""";
    static final String LOCK = ALL + " where flag_key = :key for update";
    static final String ONE = ALL + " where flag_key = :key";
    static final String UPDATE = """
            update flag_state set version = :version, enabled = :enabled, rollout_percent = :percent,
                rules = cast(:rules as jsonb), changed_at = :at, changed_by = :by
            where flag_key = :key and version = :previous""";
    static final String AUDIT = """
            insert into flag_audit (flag_key, attempted_at, subject, reason, outcome, expected_version, old_state,
                new_state, detail)
            values (:key, :at, :subject, :reason, :outcome, :expected, cast(:before as jsonb), cast(:after as jsonb),
                :detail)""";
    static final String HISTORY = """
            select id, flag_key, attempted_at, subject, reason, outcome, expected_version, old_state::text as old_state,
                new_state::text as new_state, detail
            from flag_audit where flag_key = :key order by id desc limit :limit""";
    static final String ACK = """
            insert into flag_ack (instance_id, flag_key, version, applied_at, delay_ms, source)
            values (:instance, :key, :version, :at, :delay, :source)
            on conflict (flag_key, instance_id) do update set version = excluded.version,
                applied_at = excluded.applied_at, delay_ms = excluded.delay_ms, source = excluded.source
            where flag_ack.version < excluded.version""";
    static final String ACKS = """
            select instance_id, flag_key, version, applied_at, delay_ms, source from flag_ack
            where flag_key = :key order by instance_id""";

    private final JdbcClient jdbc;

    FlagStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<FlagState> all() {
        return jdbc.sql(ALL).query(FlagStore::state).list();
    }

    Optional<FlagState> find(String key) {
        return jdbc.sql(ONE).param("key", key).query(FlagStore::state).optional();
    }

    /** The flag's row, locked until the transaction ends; a flag never changed gets its code default's row first. */
    FlagState lock(FlagDefinition definition) {
        jdbc.sql(ENSURE).param("key", definition.key()).param("enabled", definition.safeDefault()).update();
        return jdbc.sql(LOCK).param("key", definition.key()).query(FlagStore::state).single();
    }

    void update(FlagState previous, FlagState next) {
        int rows = jdbc.sql(UPDATE)
                .param("key", next.key())
                .param("version", next.version())
                .param("enabled", next.enabled())
                .param("percent", next.rolloutPercent(), java.sql.Types.INTEGER)
                .param("rules", FlagDocuments.rulesJson(next))
                .param("at", timestamp(next.changedAt()), java.sql.Types.TIMESTAMP)
                .param("by", next.changedBy())
                .param("previous", previous.version())
                .update();
        if (rows != 1) {
            throw new IllegalStateException("flag " + next.key() + " moved under its lock");
        }
    }

    void audit(String key, Instant at, String subject, @Nullable String reason, String outcome,
            @Nullable Long expected, @Nullable FlagState before, @Nullable FlagState after, @Nullable String detail) {
        jdbc.sql(AUDIT)
                .param("key", key)
                .param("at", Timestamp.from(at))
                .param("subject", subject)
                .param("reason", reason, java.sql.Types.VARCHAR)
                .param("outcome", outcome)
                .param("expected", expected, java.sql.Types.BIGINT)
                .param("before", before == null ? null : FlagDocuments.json(before), java.sql.Types.VARCHAR)
                .param("after", after == null ? null : FlagDocuments.json(after), java.sql.Types.VARCHAR)
                .param("detail", detail, java.sql.Types.VARCHAR)
                .update();
    }

    List<FlagAttempt> history(String key, int limit) {
        return jdbc.sql(HISTORY).param("key", key).param("limit", limit).query((rs, n) -> new FlagAttempt(
                rs.getLong("id"), rs.getString("flag_key"), rs.getTimestamp("attempted_at").toInstant(),
                rs.getString("subject"), rs.getString("reason"), rs.getString("outcome"),
                (Long) rs.getObject("expected_version", Long.class),
                rs.getString("old_state") == null ? null : FlagDocuments.parse(rs.getString("old_state")),
                rs.getString("new_state") == null ? null : FlagDocuments.parse(rs.getString("new_state")),
                rs.getString("detail"))).list();
    }

    void acknowledge(FlagAcknowledgement ack) {
        jdbc.sql(ACK)
                .param("instance", ack.instanceId())
                .param("key", ack.key())
                .param("version", ack.version())
                .param("at", Timestamp.from(ack.appliedAt()))
                .param("delay", ack.delayMillis(), java.sql.Types.BIGINT)
                .param("source", ack.source())
                .update();
    }

    List<FlagAcknowledgement> acknowledgements(String key) {
        return jdbc.sql(ACKS).param("key", key).query((rs, n) -> new FlagAcknowledgement(rs.getString("instance_id"),
                rs.getString("flag_key"), rs.getLong("version"), rs.getTimestamp("applied_at").toInstant(),
                (Long) rs.getObject("delay_ms", Long.class), rs.getString("source"))).list();
    }

    private static FlagState state(ResultSet rs, int row) throws SQLException {
        Timestamp at = rs.getTimestamp("changed_at");
        return new FlagState(rs.getString("flag_key"), rs.getLong("version"), rs.getBoolean("enabled"),
                (Integer) rs.getObject("rollout_percent", Integer.class), FlagDocuments.rules(rs.getString("rules")),
                at == null ? null : at.toInstant(), rs.getString("changed_by"));
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
