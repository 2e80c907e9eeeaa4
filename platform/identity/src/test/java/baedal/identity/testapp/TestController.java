package baedal.identity.testapp;

import baedal.identity.Caller;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Routes of every kind of rule: public, by role, with an ownership check, by service scope, and one unlisted. */
@RestController
class TestController {

    @GetMapping("/api/test/public")
    Map<String, Object> open() {
        return Map.of("public", true);
    }

    @GetMapping("/api/test/caller")
    Map<String, Object> caller(Caller caller) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", caller.subject());
        body.put("roles", caller.roles().stream().map(Enum::name).sorted().toList());
        body.put("scopes", caller.scopes().stream().sorted().toList());
        caller.memberId().ifPresent(id -> body.put("memberId", id));
        body.put("shopIds", caller.shopIds().stream().sorted().toList());
        caller.riderId().ifPresent(id -> body.put("riderId", id));
        return body;
    }

    /** A member sees only itself; another member's data does not exist for it (404), an operator sees all. */
    @GetMapping("/api/test/members/{memberId}")
    ResponseEntity<Map<String, Object>> member(@PathVariable long memberId, Caller caller) {
        if (!caller.isMember(memberId) && !caller.isOperator()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        return ResponseEntity.ok(Map.of("memberId", memberId));
    }

    @GetMapping("/api/test/members/{memberId}/profile")
    Map<String, Object> profile(@PathVariable long memberId) {
        return Map.of("memberId", memberId, "name", "회원 " + memberId);
    }

    @PostMapping("/api/test/operator/actions")
    Map<String, Object> operatorAction(Caller caller) {
        return Map.of("by", caller.subject());
    }

    @GetMapping("/api/test/unlisted")
    Map<String, Object> unlisted() {
        return Map.of("reached", true);
    }
}
