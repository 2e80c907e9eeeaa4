package baedal.orderview.persistence;

import baedal.order.events.OrderEventStatus;
import baedal.orderview.DeadLetter;
import baedal.orderview.IncomingRecord;
import baedal.orderview.OrderView;
import baedal.orderview.OrderViewStore;
import baedal.orderview.PageCursor;
import baedal.orderview.ProjectionBatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read model on PostgreSQL: each document is a {@code jsonb} value in its order's row, next to the columns
 * the history queries filter and sort on. A batch is one transaction of multi-row statements; the version rule is
 * in the upsert itself ({@code on conflict (order_no) do update … where version < excluded.version}), so two
 * projectors racing on one order can never move its document backwards.
 */
public final class JdbcOrderViewStore implements OrderViewStore {

    private static final int ROWS_PER_STATEMENT = 200;
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() { };

    private final OrderViewDatabase database;
    private final OrderViewTables tables;
    private final JsonMapper json = JsonMapper.shared();

    public JdbcOrderViewStore(OrderViewDatabase database, OrderViewTables tables) {
        this.database = database;
        this.tables = tables;
    }

    @Override
    public ProjectionBatch.Written write(ProjectionBatch batch) {
        return database.inTransaction(jdbc -> write(jdbc, batch));
    }

    private ProjectionBatch.Written write(JdbcClient jdbc, ProjectionBatch batch) {
        OffsetDateTime at = utc(batch.at());
        // shared with every other writer; a rebuild's swap takes it exclusively, so no batch straddles the swap
        jdbc.sql("select pg_advisory_xact_lock_shared(:lock)").param("lock", OrderViewTables.SWAP_LOCK)
                .query((rs, n) -> 1).list();
        for (int from = 0; from < batch.views().size(); from += ROWS_PER_STATEMENT) {
            upsert(jdbc, batch.views().subList(from, Math.min(batch.views().size(), from + ROWS_PER_STATEMENT)), at);
        }
        Map<Long, Long> versions = new HashMap<>();
        if (!batch.views().isEmpty()) {
            jdbc.sql("select order_no, version from " + tables.views() + " where order_no in (:orderNos)")
                    .param("orderNos", batch.views().stream().map(OrderView::orderNumber).toList())
                    .query((rs, n) -> versions.put(rs.getLong(1), rs.getLong(2)))
                    .list();
        }
        Map<String, ProjectionBatch.ProjectedEvent> distinct = new LinkedHashMap<>();
        batch.events().forEach(event -> distinct.putIfAbsent(event.orderNo() + ":" + event.version(), event));
        List<ProjectionBatch.ProjectedEvent> events = List.copyOf(distinct.values());
        List<ProjectionBatch.ProjectedEvent> first = new ArrayList<>();
        for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
            first.addAll(recordEvents(jdbc, events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT)), at));
        }
        int parked = 0;
        for (DeadLetter.Parking parking : batch.parked()) {
            parked += park(jdbc, parking, at);
        }
        return new ProjectionBatch.Written(versions, first, parked);
    }

    private void upsert(JdbcClient jdbc, List<OrderView> views, OffsetDateTime at) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < views.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(:orderNo").append(i).append(", :memberId").append(i)
                    .append(", :shopId").append(i).append(", :status").append(i).append(", :placedAt").append(i)
                    .append(", :placedDate").append(i).append(", :version").append(i).append(", :lastEventId").append(i)
                    .append(", cast(:document").append(i).append(" as jsonb), :updatedAt)");
        }
        JdbcClient.StatementSpec statement = jdbc.sql("insert into " + tables.views()
                + " as held (order_no, member_id, shop_id, status, placed_at, placed_date, version, last_event_id,"
                + " document, updated_at) values " + values + """
                 on conflict (order_no) do update set member_id = excluded.member_id, shop_id = excluded.shop_id,
                    status = excluded.status, placed_at = excluded.placed_at, placed_date = excluded.placed_date,
                    version = excluded.version, last_event_id = excluded.last_event_id, document = excluded.document,
                    updated_at = excluded.updated_at
                 where held.version < excluded.version""")
                .param("updatedAt", at);
        for (int i = 0; i < views.size(); i++) {
            OrderView view = views.get(i);
            statement = statement.param("orderNo" + i, view.orderNumber())
                    .param("memberId" + i, view.member().memberId())
                    .param("shopId" + i, view.shop().shopId())
                    .param("status" + i, view.status().name())
                    .param("placedAt" + i, utc(view.placedAt()))
                    .param("placedDate" + i, view.placedDate())
                    .param("version" + i, view.version())
                    .param("lastEventId" + i, UUID.fromString(view.lastEventId()))
                    .param("document" + i, json.writeValueAsString(view));
        }
        statement.update();
    }

    private List<ProjectionBatch.ProjectedEvent> recordEvents(JdbcClient jdbc,
            List<ProjectionBatch.ProjectedEvent> events, OffsetDateTime at) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(:orderNo").append(i).append(", :version").append(i)
                    .append(", :eventId").append(i).append(", :type").append(i).append(", :occurredAt").append(i)
                    .append(", :projectedAt)");
        }
        JdbcClient.StatementSpec statement = jdbc.sql("insert into " + tables.events()
                + " (order_no, version, event_id, type, occurred_at, projected_at) values " + values
                + " on conflict (order_no, version) do nothing returning order_no, version")
                .param("projectedAt", at);
        Map<String, ProjectionBatch.ProjectedEvent> byKey = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            ProjectionBatch.ProjectedEvent event = events.get(i);
            byKey.put(event.orderNo() + ":" + event.version(), event);
            statement = statement.param("orderNo" + i, event.orderNo())
                    .param("version" + i, event.version())
                    .param("eventId" + i, event.eventId())
                    .param("type" + i, event.type())
                    .param("occurredAt" + i, utc(event.occurredAt()));
        }
        return statement.query((rs, n) -> byKey.get(rs.getLong(1) + ":" + rs.getLong(2))).list();
    }

    private int park(JdbcClient jdbc, DeadLetter.Parking parking, OffsetDateTime at) {
        return jdbc.sql("insert into " + tables.deadLetters() + """
                 (reason, topic, kafka_partition, kafka_offset, record_key, value, headers, parked_at)
                values (:reason, :topic, :partition, :offset, :key, :value, cast(:headers as jsonb), :at)
                on conflict (topic, kafka_partition, kafka_offset) do nothing""")
                .param("reason", IncomingRecord.storable(parking.reason()))
                .param("topic", parking.record().topic())
                .param("partition", parking.record().partition())
                .param("offset", parking.record().offset())
                .param("key", parking.record().key(), Types.VARCHAR)
                .param("value", parking.record().value(), Types.BINARY)
                .param("headers", json.writeValueAsString(parking.record().headers()))
                .param("at", at)
                .update();
    }

    @Override
    public Optional<OrderView> find(long orderNo) {
        return database.read(jdbc -> jdbc.sql("select document::text from " + tables.views()
                        + " where order_no = :orderNo")
                .param("orderNo", orderNo)
                .query((rs, n) -> document(rs))
                .optional());
    }

    @Override
    public List<OrderView> memberOrders(long memberId, HistoryFilter filter, PageCursor after, int limit) {
        StringBuilder sql = new StringBuilder("select document::text from " + tables.views()
                + " where member_id = :memberId");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("memberId", memberId);
        if (!filter.statuses().isEmpty()) {
            sql.append(" and status in (:statuses)");
            params.put("statuses", filter.statuses().stream().map(OrderEventStatus::name).sorted().toList());
        }
        if (filter.from() != null) {
            sql.append(" and placed_at >= :from");
            params.put("from", utc(filter.from()));
        }
        if (filter.until() != null) {
            sql.append(" and placed_at < :until");
            params.put("until", utc(filter.until()));
        }
        return page(sql, params, after, limit);
    }

    @Override
    public List<OrderView> shopOrders(long shopId, LocalDate day, Set<OrderEventStatus> statuses, PageCursor after,
            int limit) {
        StringBuilder sql = new StringBuilder("select document::text from " + tables.views()
                + " where shop_id = :shopId and placed_date = :day");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("shopId", shopId);
        params.put("day", day);
        if (!statuses.isEmpty()) {
            sql.append(" and status in (:statuses)");
            params.put("statuses", statuses.stream().map(OrderEventStatus::name).sorted().toList());
        }
        return page(sql, params, after, limit);
    }

    /** Newest first by the keyset (placed_at, order_no): no OFFSET, each order once however pages interleave. */
    private List<OrderView> page(StringBuilder sql, Map<String, Object> params, PageCursor after, int limit) {
        if (after != null) {
            sql.append(" and (placed_at, order_no) < (:afterAt, :afterNo)");
            params.put("afterAt", utc(after.placedAt()));
            params.put("afterNo", after.orderNo());
        }
        sql.append(" order by placed_at desc, order_no desc limit :limit");
        params.put("limit", limit);
        return database.read(jdbc -> jdbc.sql(sql.toString()).params(params).query((rs, n) -> document(rs)).list());
    }

    @Override
    public Map<UUID, Instant> projectionTimes(long orderNo) {
        Map<UUID, Instant> times = new LinkedHashMap<>();
        database.read(jdbc -> jdbc.sql("select event_id, projected_at from " + tables.events()
                        + " where order_no = :orderNo order by version")
                .param("orderNo", orderNo)
                .query((rs, n) -> times.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
                .list());
        return times;
    }

    @Override
    public List<DeadLetter> parked(int limit) {
        return database.read(jdbc -> jdbc.sql("select *, headers::text as headers_text from " + tables.deadLetters()
                        + " where replayed_at is null order by id limit :limit")
                .param("limit", limit)
                .query(this::deadLetterRow)
                .list());
    }

    @Override
    public Optional<DeadLetter> deadLetter(long id) {
        return database.read(jdbc -> jdbc.sql("select *, headers::text as headers_text from " + tables.deadLetters()
                        + " where id = :id")
                .param("id", id)
                .query(this::deadLetterRow)
                .optional());
    }

    @Override
    public ProjectionBatch.Written replayed(long deadLetterId, ProjectionBatch batch) {
        return database.inTransaction(jdbc -> {
            ProjectionBatch.Written written = write(jdbc, batch);
            jdbc.sql("update " + tables.deadLetters() + """
                     set replayed_at = :at, attempts = attempts + 1, last_attempt_at = :at
                    where id = :id and replayed_at is null""")
                    .param("at", utc(batch.at()))
                    .param("id", deadLetterId)
                    .update();
            return written;
        });
    }

    @Override
    public void stillParked(long deadLetterId, String reason, Instant at) {
        database.inTransaction(jdbc -> jdbc.sql("update " + tables.deadLetters() + """
                 set reason = :reason, attempts = attempts + 1, last_attempt_at = :at
                where id = :id""")
                .param("reason", IncomingRecord.storable(reason))
                .param("at", utc(at))
                .param("id", deadLetterId)
                .update());
    }

    @Override
    public long parkedCount() {
        return database.read(jdbc -> jdbc.sql("select count(*) from " + tables.deadLetters()
                + " where replayed_at is null").query(Long.class).single());
    }

    @Override
    public Map<Long, Long> versions(Collection<Long> orderNos) {
        Map<Long, Long> versions = new HashMap<>();
        if (orderNos.isEmpty()) {
            return versions;
        }
        List<Long> all = List.copyOf(orderNos);
        for (int from = 0; from < all.size(); from += 1_000) {
            List<Long> some = all.subList(from, Math.min(all.size(), from + 1_000));
            database.read(jdbc -> jdbc.sql("select order_no, version from " + tables.views()
                            + " where order_no in (:orderNos)")
                    .param("orderNos", some)
                    .query((rs, n) -> versions.put(rs.getLong(1), rs.getLong(2)))
                    .list());
        }
        return versions;
    }

    private OrderView document(ResultSet rs) throws SQLException {
        return json.readValue(rs.getString(1), OrderView.class);
    }

    private DeadLetter deadLetterRow(ResultSet rs, int rowNum) throws SQLException {
        return new DeadLetter(rs.getLong("id"), rs.getString("reason"), rs.getString("topic"),
                rs.getInt("kafka_partition"), rs.getLong("kafka_offset"), rs.getString("record_key"),
                rs.getBytes("value"), json.readValue(rs.getString("headers_text"), HEADERS),
                instant(rs.getTimestamp("parked_at")), rs.getInt("attempts"), instant(rs.getTimestamp("last_attempt_at")),
                instant(rs.getTimestamp("replayed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
