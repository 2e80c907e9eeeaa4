package baedal.orderview.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The table work of a read-model rebuild: fresh tables of the live ones' schema and indexes
 * ({@link OrderViewTables#NEXT}), copies of live rows the new tables lack or hold at an older version, and the
 * swap — renames in one transaction that holds the {@linkplain OrderViewTables#SWAP_LOCK swap lock}, so no
 * projector batch is written half into the old and half into the new tables, and readers see either the old or
 * the new tables, never neither.
 */
public final class RebuildTables {

    private static final int COPY_PAGE = 5_000;
    private static final String COLUMNS_FROM_EXCLUDED = """
            member_id = excluded.member_id, shop_id = excluded.shop_id, status = excluded.status,
            placed_at = excluded.placed_at, placed_date = excluded.placed_date, version = excluded.version,
            last_event_id = excluded.last_event_id, document = excluded.document, updated_at = excluded.updated_at""";

    private final OrderViewDatabase database;
    private final OrderViewTables live;
    private final OrderViewTables next;

    public RebuildTables(OrderViewDatabase database) {
        this(database, OrderViewTables.ACTIVE, OrderViewTables.NEXT);
    }

    RebuildTables(OrderViewDatabase database, OrderViewTables live, OrderViewTables next) {
        this.database = database;
        this.live = live;
        this.next = next;
    }

    /** Drops what a failed rebuild left and creates empty next tables like the live ones (indexes included). */
    public OrderViewTables create() {
        database.inTransaction(jdbc -> {
            jdbc.sql("drop table if exists " + next.views() + ", " + next.events()).update();
            jdbc.sql("create table " + next.views() + " (like " + live.views() + " including all)").update();
            jdbc.sql("create table " + next.events() + " (like " + live.events() + " including all)").update();
            return null;
        });
        return next;
    }

    /** A store writing into the next tables (with the version rule of the live ones). */
    public JdbcOrderViewStore nextStore() {
        return new JdbcOrderViewStore(database, next);
    }

    /** How many documents the live table holds. */
    public long liveDocuments() {
        return database.read(jdbc -> jdbc.sql("select count(*) from " + live.views()).query(Long.class).single());
    }

    /** Drops the next tables (a failed rebuild). */
    public void discard() {
        database.inTransaction(jdbc -> jdbc.sql("drop table if exists " + next.views() + ", " + next.events())
                .update());
    }

    /**
     * Copies, page by page in order-number order and without stopping the projector, every live document the
     * next table lacks or holds at an older version, with the events recorded for those pages' orders.
     */
    public Copied copyLive() {
        long documents = 0;
        long events = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            long from = after;
            Long last = database.read(jdbc -> jdbc.sql("select max(order_no) from (select order_no from "
                            + live.views() + " where order_no > :after order by order_no limit :page) page")
                    .param("after", from)
                    .param("page", COPY_PAGE)
                    .query(Long.class).optional().orElse(null));
            if (last == null) {
                return new Copied(documents, events);
            }
            Copied page = database.inTransaction(jdbc -> copy(jdbc, " where order_no > :after and order_no <= :last",
                    Map.of("after", from, "last", last)));
            documents += page.documents();
            events += page.events();
            after = last;
        }
    }

    /**
     * The catch-up and the swap, in one transaction holding the swap lock exclusively (projector batches wait for
     * it): copies the live documents changed since {@code changedSince} that the next table lacks or holds older,
     * with those orders' events, then renames the live tables away, the next tables to the live names, drops the
     * old ones and gives the new indexes the live indexes' names.
     */
    public Copied catchUpAndSwap(Instant changedSince) {
        return database.inTransaction(jdbc -> {
            jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", OrderViewTables.SWAP_LOCK)
                    .query((rs, n) -> 1).list();
            jdbc.sql("set local lock_timeout = '10s'").update();
            Copied caughtUp = copy(jdbc, " where order_no in (select order_no from " + live.views()
                    + " where updated_at >= :since)", Map.of("since", changedSince.atOffset(ZoneOffset.UTC)));
            Map<String, String> viewIndexes = indexNames(jdbc, live.views());
            Map<String, String> eventIndexes = indexNames(jdbc, live.events());
            for (String[] pair : List.of(new String[] {live.views(), next.views()},
                    new String[] {live.events(), next.events()})) {
                jdbc.sql("alter table " + pair[0] + " rename to " + pair[0] + "_old").update();
                jdbc.sql("alter table " + pair[1] + " rename to " + pair[0]).update();
                jdbc.sql("drop table " + pair[0] + "_old").update();
            }
            renameIndexes(jdbc, live.views(), viewIndexes);
            renameIndexes(jdbc, live.events(), eventIndexes);
            return caughtUp;
        });
    }

    private Copied copy(JdbcClient jdbc, String where, Map<String, Object> params) {
        int documents = jdbc.sql("insert into " + next.views() + " as held select * from " + live.views() + where
                        + " on conflict (order_no) do update set " + COLUMNS_FROM_EXCLUDED
                        + " where held.version < excluded.version")
                .params(params)
                .update();
        int events = jdbc.sql("insert into " + next.events() + " select * from " + live.events() + where
                        + " on conflict (order_no, version) do nothing")
                .params(params)
                .update();
        return new Copied(documents, events);
    }

    /** The table's index names by their definition without index and table name. */
    private static Map<String, String> indexNames(JdbcClient jdbc, String table) {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = :t")
                .param("t", table)
                .query((rs, n) -> names.put(shape(rs.getString(2)), rs.getString(1)))
                .list();
        return names;
    }

    private static void renameIndexes(JdbcClient jdbc, String table, Map<String, String> wanted) {
        indexNames(jdbc, table).forEach((shape, name) -> {
            String target = wanted.get(shape);
            if (target != null && !target.equals(name)) {
                jdbc.sql("alter index " + name + " rename to " + target).update();
            }
        });
    }

    private static String shape(String indexDefinition) {
        return indexDefinition.replaceFirst("INDEX \\S+ ON \\S+ ", "INDEX ON ");
    }

    /** Rows copied: documents inserted or brought to a newer version, and events recorded. */
    public record Copied(long documents, long events) {
    }
}
