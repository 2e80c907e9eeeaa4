package baedal.catalog.web;

import baedal.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the catalog's own exceptions to problem+json; runs before the platform-wide {@code ProblemHandling}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogProblemHandling {

    @ExceptionHandler(ShopNotFound.class)
    ResponseEntity<ProblemDetail> shopNotFound(ShopNotFound notFound) {
        ProblemDetail problem = Problems.problem(HttpStatus.NOT_FOUND, "shop-not-found", "Shop not found",
                notFound.getMessage());
        problem.setProperty("shopId", notFound.shopId());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
