package baedal.orderview.web;

import baedal.orderview.rebuild.OrderViewRebuild;
import baedal.orderview.rebuild.RebuildStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator API of the read model's rebuild: start one (it runs in the background while the live read model keeps
 * serving, then swaps the rebuilt tables in) and follow it. A second start while one runs is refused with 409.
 */
@RestController
@RequestMapping(path = "/api/operator/order-view/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderViewRebuildController {

    private final OrderViewRebuild rebuild;

    OrderViewRebuildController(OrderViewRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    ResponseEntity<RebuildStatus> start() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start());
    }

    @GetMapping
    RebuildStatus status() {
        return rebuild.status();
    }
}
