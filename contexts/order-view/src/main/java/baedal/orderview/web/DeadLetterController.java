package baedal.orderview.web;

import baedal.identity.masking.PersonalData;
import baedal.kernel.InvalidInput;
import baedal.orderview.DeadLetter;
import baedal.orderview.DeadLetters;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator API of the projector's parked (poison) records: list them with why and where they were, and replay
 * one after the cause is fixed (e.g. a release that knows a new event type). A replay that still fails leaves
 * the record parked with the new reason and answers 422.
 */
@RestController
@RequestMapping(path = "/api/operator/order-view/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    record DeadLetterView(long id, String reason, String topic, int partition, long offset, String key, String value,
            Map<String, String> headers, Instant parkedAt, int attempts, Instant lastAttemptAt, Instant replayedAt) {

        /** The record as parked, its personal data (phone numbers, address details…) masked: an operator needs the shape. */
        static DeadLetterView of(DeadLetter letter) {
            return new DeadLetterView(letter.id(), masked(letter.reason()), letter.topic(),
                    letter.partition(), letter.offset(), letter.key(), masked(letter.valueText()), letter.headers(),
                    letter.parkedAt(), letter.attempts(),
                    letter.lastAttemptAt(), letter.replayedAt());
        }
    }

    private static String masked(String text) {
        return text == null ? null : PersonalData.maskText(text);
    }

    record ReplayView(long id, String status, String orderNo, long eventVersion, long documentVersion,
            Instant replayedAt) {
    }

    @GetMapping
    List<DeadLetterView> parked(@RequestParam(required = false) String limit) {
        int max = 100;
        if (limit != null) {
            if (!limit.matches("\\d{1,4}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > 1000) {
                throw InvalidInput.of("limit", "must be within 1..1000");
            }
            max = Integer.parseInt(limit);
        }
        return deadLetters.parked(max).stream().map(DeadLetterView::of).toList();
    }

    @PostMapping("/{id}/replay")
    ReplayView replay(@PathVariable String id) {
        if (!id.matches("\\d{1,18}")) {
            throw new DeadLetters.NotFound(id);
        }
        DeadLetters.Replayed replayed = deadLetters.replay(Long.parseLong(id));
        return new ReplayView(replayed.deadLetter().id(), "REPLAYED", replayed.orderNo(), replayed.eventVersion(),
                replayed.documentVersion(), replayed.deadLetter().replayedAt());
    }
}
