package baedal.identity.audit;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail in table {@code operator_audit} of the platform's main database ({@code db/identity}). */
final class JdbcOperatorAuditLog implements OperatorAuditLog {

    private static final String INSERT = """
            insert into operator_audit (subject, occurred_at, method, route, path, targets, status, reason)
            values (:subject, :at, :method, :route, :path, cast(:targets as jsonb), :status, :reason)""";

    private static final String LATEST = """
            select id, subject, occurred_at, method, route, path, targets::text as targets, status, reason
            from operator_audit order by id desc limit :limit""";

    private static final TypeReference<Map<String, String>> TARGETS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    JdbcOperatorAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(OperatorAction action) {
        jdbc.sql(INSERT)
                .param("subject", action.subject())
                .param("at", Timestamp.from(action.at()))
                .param("method", action.method())
                .param("route", action.route())
                .param("path", action.path())
                .param("targets", JsonMapper.shared().writeValueAsString(action.targets()))
                .param("status", action.status())
                .param("reason", action.reason())
                .update();
    }

    @Override
    public List<OperatorAction> latest(int limit) {
        return jdbc.sql(LATEST).param("limit", limit)
                .query((rs, row) -> new OperatorAction(rs.getLong("id"), rs.getString("subject"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("method"), rs.getString("route"),
                        rs.getString("path"), JsonMapper.shared().readValue(rs.getString("targets"), TARGETS),
                        rs.getInt("status"), rs.getString("reason")))
                .list();
    }
}
