package baedal.orderview.web;

import baedal.orderview.DeadLetters;
import baedal.orderview.OrderViewUnavailable;
import baedal.orderview.PageCursor;
import baedal.orderview.rebuild.OrderViewRebuild;
import baedal.platform.web.Problems;
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

/** Maps the read model's outcomes to problem+json, each kind with its own stable type. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderViewProblems {

    @ExceptionHandler(OrderViewNotFound.class)
    ResponseEntity<ProblemDetail> notFound(OrderViewNotFound notFound) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.NOT_FOUND);
        if (notFound.stale()) {
            response.header(OrderViewController.STALE, "true");
        }
        return response.body(Problems.problem(HttpStatus.NOT_FOUND, "order-not-found", "Order not found",
                notFound.getMessage()));
    }

    @ExceptionHandler(HistoryNotFound.class)
    ResponseEntity<ProblemDetail> historyNotFound(HistoryNotFound notFound) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.problem(HttpStatus.NOT_FOUND, "not-found",
                "Not found", notFound.getMessage()));
    }

    @ExceptionHandler(PageCursor.InvalidCursor.class)
    ResponseEntity<ProblemDetail> invalidCursor(PageCursor.InvalidCursor invalid) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor",
                "The cursor cannot be read: " + invalid.getMessage() + ". Use the nextCursor of a previous page.");
        problem.setProperty("errors", List.of(Map.of("field", "cursor", "message", invalid.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(DeadLetters.NotFound.class)
    ResponseEntity<ProblemDetail> deadLetterNotFound(DeadLetters.NotFound notFound) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.problem(HttpStatus.NOT_FOUND,
                "dead-letter-not-found", "Parked record not found", notFound.getMessage()));
    }

    @ExceptionHandler(DeadLetters.StillPoison.class)
    ResponseEntity<ProblemDetail> stillPoison(DeadLetters.StillPoison poison) {
        ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "dead-letter-still-poison",
                "The parked record still cannot be applied", poison.getMessage());
        problem.setProperty("reason", poison.reason());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    @ExceptionHandler(OrderViewRebuild.AlreadyRunning.class)
    ResponseEntity<ProblemDetail> rebuildRunning(OrderViewRebuild.AlreadyRunning running) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "order-view-rebuild-running",
                "A rebuild is running", running.getMessage() + "; follow it at GET /api/operator/order-view/rebuild.");
        problem.setProperty("phase", running.status().phase());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(OrderViewUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(OrderViewUnavailable unavailable) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "order-view-unavailable",
                        "Order history is unavailable", unavailable.getMessage() + "; retry after 5 s."));
    }
}
