package baedal.outbox.web;

import baedal.kernel.InvalidInput;
import baedal.outbox.OutboxRepublisher;
import baedal.platform.web.Problems;
import baedal.sharding.ShardNo;
import baedal.sharding.Shards;
import java.time.Instant;
import java.util.Map;
import java.util.function.ToIntBiFunction;
import java.util.function.ToIntFunction;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's way to send events again: {@code POST /api/operator/outbox/shards/{shard}/republish} (a shard) or
 * {@code POST /api/operator/outbox/databases/{name}/republish} (a registered database of its own, e.g.
 * {@code riders}) with {@code {"aggregateId": "..."}} or {@code {"from": "<instant>", "to": "<instant>"}} answers
 * {@code 202 {"requeued": n}}; the relay then publishes them with their original event ids.
 */
@RestController
class OutboxOperatorController {

    private final OutboxRepublisher republisher;
    private final Shards shards;

    OutboxOperatorController(OutboxRepublisher republisher, Shards shards) {
        this.republisher = republisher;
        this.shards = shards;
    }

    @PostMapping(path = "/api/operator/outbox/shards/{shard}/republish", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> republish(@PathVariable("shard") int shard, @RequestBody RepublishRequest request) {
        if (shard < 0 || shard >= ShardNo.CAPACITY || !shards.has(new ShardNo(shard))) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.problem(HttpStatus.NOT_FOUND,
                    "unknown-shard", "Unknown shard", "This deployment has no shard " + shard + "."));
        }
        ShardNo no = new ShardNo(shard);
        return requeue(request, aggregateId -> republisher.republishAggregate(no, aggregateId),
                (from, to) -> republisher.republishRange(no, from, to));
    }

    @PostMapping(path = "/api/operator/outbox/databases/{name}/republish", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> republish(@PathVariable("name") String name, @RequestBody RepublishRequest request) {
        if (!republisher.hasDatabase(name)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.problem(HttpStatus.NOT_FOUND,
                    "unknown-outbox-database", "Unknown outbox database",
                    "No database of this deployment has an outbox registered under that name."));
        }
        return requeue(request, aggregateId -> republisher.republishAggregate(name, aggregateId),
                (from, to) -> republisher.republishRange(name, from, to));
    }

    private static ResponseEntity<?> requeue(RepublishRequest request, ToIntFunction<String> aggregate,
            ToIntBiFunction<Instant, Instant> range) {
        int requeued;
        if (request.aggregateId() != null) {
            if (request.from() != null || request.to() != null) {
                throw InvalidInput.of("aggregateId", "give either an aggregate id or a time range, not both");
            }
            if (request.aggregateId().isBlank()) {
                throw InvalidInput.of("aggregateId", "must not be blank");
            }
            requeued = aggregate.applyAsInt(request.aggregateId());
        } else {
            if (request.from() == null || request.to() == null) {
                throw InvalidInput.of(request.from() == null ? "from" : "to",
                        "is required unless an aggregate id is given");
            }
            if (!request.from().isBefore(request.to())) {
                throw InvalidInput.of("to", "must be after from");
            }
            requeued = range.applyAsInt(request.from(), request.to());
        }
        return ResponseEntity.accepted().body(Map.of("requeued", requeued));
    }

    /** Either an aggregate id, or a time range {@code [from, to)} of when events were written. */
    record RepublishRequest(String aggregateId, Instant from, Instant to) {
    }
}
