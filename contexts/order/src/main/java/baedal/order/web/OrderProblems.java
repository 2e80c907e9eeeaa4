package baedal.order.web;

import baedal.catalog.SelectionRejected;
import baedal.order.ActingForAnother;
import baedal.order.BelowMinimumOrder;
import baedal.order.IdempotencyKeyReused;
import baedal.order.OrderNotFound;
import baedal.order.PaymentAmountMismatch;
import baedal.order.TransitionRefused;
import baedal.order.VersionMismatch;
import baedal.platform.web.Problems;
import baedal.sharding.NoShardAvailable;
import baedal.sharding.ShardUnavailable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the order context's outcomes to problem+json, each kind with its own stable type. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderProblems {

    @ExceptionHandler(OrderNotFound.class)
    ResponseEntity<ProblemDetail> notFound(OrderNotFound notFound) {
        return of(HttpStatus.NOT_FOUND, Problems.problem(HttpStatus.NOT_FOUND, "order-not-found", "Order not found",
                notFound.getMessage()));
    }

    @ExceptionHandler(ActingForAnother.class)
    ResponseEntity<ProblemDetail> actingForAnother(ActingForAnother another) {
        ProblemDetail problem = Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                another.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", another.field(), "message", another.reason())));
        return of(HttpStatus.FORBIDDEN, problem);
    }

    @ExceptionHandler(TransitionRefused.class)
    ResponseEntity<ProblemDetail> refused(TransitionRefused refused) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "transition-refused", "Transition refused",
                refused.getMessage());
        problem.setProperty("currentStatus", refused.from().name());
        problem.setProperty("requestedStatus", refused.to().name());
        return of(HttpStatus.CONFLICT, problem);
    }

    @ExceptionHandler(VersionMismatch.class)
    ResponseEntity<ProblemDetail> versionMismatch(VersionMismatch mismatch) {
        ProblemDetail problem = Problems.problem(HttpStatus.PRECONDITION_FAILED, "version-mismatch",
                "Order version mismatch", mismatch.getMessage());
        problem.setProperty("currentVersion", mismatch.actual());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag("\"" + mismatch.actual() + "\"").body(problem);
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReused reused) {
        ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                "Idempotency key reused", reused.getMessage());
        problem.setProperty("orderNo", reused.placedOrder().toString());
        return of(HttpStatus.UNPROCESSABLE_CONTENT, problem);
    }

    @ExceptionHandler(PaymentAmountMismatch.class)
    ResponseEntity<ProblemDetail> paymentMismatch(PaymentAmountMismatch mismatch) {
        ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "payment-amount-mismatch",
                "Payment amount does not match the order total", mismatch.getMessage()
                        + "; prices may have changed: fetch the menu again");
        problem.setProperty("expectedAmount", mismatch.expected().won());
        problem.setProperty("paymentAmount", mismatch.paid().won());
        problem.setProperty("errors", List.of(Map.of("field", "paymentAmount",
                "message", "must equal the order total " + mismatch.expected().won())));
        return of(HttpStatus.UNPROCESSABLE_CONTENT, problem);
    }

    @ExceptionHandler(BelowMinimumOrder.class)
    ResponseEntity<ProblemDetail> belowMinimum(BelowMinimumOrder below) {
        ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "below-minimum-order",
                "Below the shop's minimum order amount", below.getMessage());
        problem.setProperty("minimumOrderAmount", below.minimum().won());
        problem.setProperty("itemsTotal", below.itemsTotal().won());
        problem.setProperty("errors", List.of(Map.of("field", "items", "message", below.getMessage())));
        return of(HttpStatus.UNPROCESSABLE_CONTENT, problem);
    }

    @ExceptionHandler(SelectionRejected.class)
    ResponseEntity<ProblemDetail> selectionRejected(SelectionRejected rejected) {
        ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-selection",
                "The shop, a menu or an option cannot be ordered as chosen", rejected.getMessage());
        problem.setProperty("reason", rejected.kind().name());
        problem.setProperty("errors", List.of(Map.of("field", rejected.field(), "message", rejected.reason())));
        return of(HttpStatus.UNPROCESSABLE_CONTENT, problem);
    }

    @ExceptionHandler(ShardUnavailable.class)
    ResponseEntity<ProblemDetail> shardUnavailable(ShardUnavailable unavailable) {
        ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "shard-unavailable",
                "The order's shard is unavailable", "The database holding this order cannot be reached right now; "
                        + "retry after " + seconds(unavailable.retryAfter()) + " s.");
        problem.setProperty("shard", unavailable.shard().value());
        return unavailable(problem, unavailable.retryAfter());
    }

    @ExceptionHandler(NoShardAvailable.class)
    ResponseEntity<ProblemDetail> noShard(NoShardAvailable unavailable) {
        return unavailable(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "no-shard-available",
                "No order database is available", unavailable.getMessage()), unavailable.retryAfter());
    }

    private static ResponseEntity<ProblemDetail> unavailable(ProblemDetail problem, Duration retryAfter) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)))
                .body(problem);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    private static ResponseEntity<ProblemDetail> of(HttpStatus status, ProblemDetail problem) {
        return ResponseEntity.status(status).body(problem);
    }
}
