package baedal.identity.audit;

import baedal.kernel.InvalidInput;
import baedal.platform.web.Problems;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/operator/audit?limit=}: the operators' latest actions, newest first (operators only). Where the
 * app has no database for the trail, there is none to list (404).
 */
@RestController
class OperatorAuditController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final ObjectProvider<OperatorAuditLog> trail;

    OperatorAuditController(ObjectProvider<OperatorAuditLog> trail) {
        this.trail = trail;
    }

    @GetMapping(path = "/api/operator/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> latest(@RequestParam(required = false) String limit) {
        int max = DEFAULT_LIMIT;
        if (limit != null) {
            if (!limit.matches("\\d{1,4}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > MAX_LIMIT) {
                throw InvalidInput.of("limit", "must be within 1.." + MAX_LIMIT);
            }
            max = Integer.parseInt(limit);
        }
        OperatorAuditLog log = trail.getIfAvailable();
        if (log == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.problem(HttpStatus.NOT_FOUND,
                    "not-found", "Not found", "This deployment keeps no operator audit trail (no database)."));
        }
        List<OperatorAction> actions = log.latest(max);
        return ResponseEntity.ok(actions);
    }
}
