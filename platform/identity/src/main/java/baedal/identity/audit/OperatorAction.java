package baedal.identity.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One state-changing request an operator made, as the audit trail keeps it.
 *
 * @param id       its position in the trail (newest highest)
 * @param subject  the operator (the token's subject)
 * @param at       when the request arrived
 * @param method   its HTTP method
 * @param route    the route it was answered by ({@code /api/orders/{orderNo}/cancel}), or its path if none
 * @param path     the path it was sent to
 * @param targets  the route's path variables, the ids it acted on ({@code orderNo → 1000123})
 * @param status   the answer's HTTP status (2xx: it was done; otherwise it was refused or failed)
 * @param reason   why the operator did it ({@code Baedal-Reason}, or the body's {@code reason}), personal data masked
 */
public record OperatorAction(long id, String subject, Instant at, String method, String route, String path,
        Map<String, String> targets, int status, String reason) {

    public OperatorAction {
        targets = Map.copyOf(targets);
    }
}
