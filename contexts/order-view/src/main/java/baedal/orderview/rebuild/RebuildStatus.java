package baedal.orderview.rebuild;

import java.time.Instant;

/**
 * Where a rebuild of the read model is, or how the last one ended.
 *
 * @param state {@code IDLE} (none ran in this instance), {@code RUNNING}, {@code FINISHED} or {@code FAILED}
 * @param phase the current or last phase: {@code CREATING_TABLES}, {@code READING_SNAPSHOTS}, {@code COPYING_LIVE},
 *        {@code SWAPPING}, {@code DONE}
 * @param snapshotsRead snapshot records read from the topic
 * @param snapshotsSkipped of those, records that are not a readable order event (left out)
 * @param documentsCopied live documents the new table lacked or held older, copied before the swap
 * @param documentsCaughtUp of those, documents copied while projector batches waited, right before the swap
 * @param eventsCopied projected-event rows copied from the live tables
 * @param documents documents in the read model after the swap
 */
public record RebuildStatus(String state, String phase, Instant startedAt, Instant finishedAt, long snapshotsRead,
        long snapshotsSkipped, long documentsCopied, long documentsCaughtUp, long eventsCopied, long documents,
        Long readingMillis, Long copyingMillis, Long swapMillis, String error) {

    static RebuildStatus idle() {
        return new RebuildStatus("IDLE", null, null, null, 0, 0, 0, 0, 0, 0, null, null, null, null);
    }

    public boolean running() {
        return "RUNNING".equals(state);
    }
}
