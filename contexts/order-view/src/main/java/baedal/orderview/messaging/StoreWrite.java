package baedal.orderview.messaging;

import baedal.orderview.DeadLetter;
import baedal.orderview.OrderViewStore;
import baedal.orderview.ProjectionBatch;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch's readings written to the store in one transaction, poison parked in it. When the database refuses the
 * batch's data itself (SQLSTATE class 22, data exception — e.g. a NUL character in a text — or 23, integrity
 * constraint), retrying the batch would fail for ever and block its partitions, so the batch is written record by
 * record and the records the database refuses are parked as unwritable. Any other failure — the database is down —
 * is thrown, and the whole batch is retried.
 */
final class StoreWrite {

    private static final Logger log = LoggerFactory.getLogger(StoreWrite.class);

    private final OrderViewStore store;

    StoreWrite(OrderViewStore store) {
        this.store = store;
    }

    ProjectionBatch.Written write(List<ProjectionBatch.Reading> readings, Instant at) {
        try {
            return store.write(ProjectionBatch.of(readings, at));
        } catch (RuntimeException failed) {
            if (!refusedByTheDatabase(failed)) {
                throw failed;
            }
            return writeOneByOne(readings, at);
        }
    }

    private ProjectionBatch.Written writeOneByOne(List<ProjectionBatch.Reading> readings, Instant at) {
        Map<Long, Long> versions = new HashMap<>();
        List<ProjectionBatch.ProjectedEvent> first = new ArrayList<>();
        int parked = 0;
        for (ProjectionBatch.Reading reading : readings) {
            ProjectionBatch.Written one;
            try {
                one = store.write(ProjectionBatch.of(List.of(reading), at));
            } catch (RuntimeException refused) {
                if (!refusedByTheDatabase(refused)) {
                    throw refused;
                }
                log.warn("The read model's database refuses record {}; parking it: {}", reading.record(),
                        rootMessage(refused));
                one = store.write(new ProjectionBatch(List.of(), List.of(), List.of(new DeadLetter.Parking(
                        reading.record(), "unwritable: " + rootMessage(refused))), at));
            }
            one.versions().forEach((orderNo, version) -> versions.merge(orderNo, version, Math::max));
            first.addAll(one.firstProjected());
            parked += one.parked();
        }
        return new ProjectionBatch.Written(versions, first, parked);
    }

    static boolean refusedByTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
