package baedal.flags.web;

import baedal.flags.FlagAcknowledgement;
import baedal.flags.FlagAdministration;
import baedal.flags.FlagAttempt;
import baedal.flags.FlagChange;
import baedal.flags.FlagRule;
import baedal.flags.FlagState;
import baedal.identity.Caller;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's flags: every flag with its state, a change against the version the operator saw ({@code If-Match}),
 * a flag's audit, and which instance runs which version.
 */
@RestController
@org.springframework.boot.autoconfigure.condition.ConditionalOnClass(name = FlagsWebConfiguration.IDENTITY)
class FlagOperatorController {

    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private final org.springframework.beans.factory.ObjectProvider<FlagAdministration> administrations;

    FlagOperatorController(org.springframework.beans.factory.ObjectProvider<FlagAdministration> administrations) {
        this.administrations = administrations;
    }

    /** Over one administration (tests). */
    static FlagOperatorController over(FlagAdministration flags) {
        return new FlagOperatorController(new org.springframework.beans.factory.support.StaticListableBeanFactory(
                java.util.Map.of("flagAdministration", flags)).getBeanProvider(FlagAdministration.class));
    }

    /** The administration; none on an instance without the flags' database: nothing to show or change here. */
    private FlagAdministration administration() {
        FlagAdministration flags = administrations.getIfAvailable();
        if (flags == null) {
            throw new baedal.flags.FlagsUnavailable();
        }
        return flags;
    }

    /** A flag as the operator sees it. */
    record FlagView(String key, String description, String owner, String type, boolean safeDefault, long version,
            boolean enabled, @Nullable Integer rolloutPercent, List<String> rules, @Nullable Instant changedAt,
            @Nullable String changedBy) {

        static FlagView of(FlagAdministration.Flag flag) {
            FlagState state = flag.state();
            return new FlagView(flag.definition().key(), flag.definition().description(), flag.definition().owner(),
                    flag.definition().type().name(), flag.definition().safeDefault(), state.version(), state.enabled(),
                    state.rolloutPercent(), state.rules().stream().map(FlagRule::text).toList(), state.changedAt(),
                    state.changedBy());
        }
    }

    /** The body of a change. */
    record ChangeRequest(@Nullable Boolean enabled, @Nullable Integer rolloutPercent, @Nullable List<String> rules,
            @Nullable String reason) {
    }

    @GetMapping("/api/operator/flags")
    List<FlagView> flags() {
        return administration().flags().stream().map(FlagView::of).toList();
    }

    @GetMapping("/api/operator/flags/{key}")
    ResponseEntity<FlagView> flag(@PathVariable String key) {
        FlagView view = FlagView.of(administration().flag(key));
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }

    @PutMapping("/api/operator/flags/{key}")
    ResponseEntity<FlagView> change(@PathVariable String key, @RequestBody ChangeRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestHeader(name = "Baedal-Reason", required = false) @Nullable String headerReason, Caller caller) {
        administration().flag(key); // 404 before 428 / 400
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new FlagProblems.VersionRequired(key);
        }
        Matcher matcher = ETAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new FlagProblems.MalformedVersion(ifMatch);
        }
        if (request.enabled() == null) {
            throw new baedal.flags.InvalidFlagChange("a change says whether the flag is enabled");
        }
        String reason = request.reason() != null && !request.reason().isBlank() ? request.reason() : headerReason;
        FlagState next = administration().change(key, Long.parseLong(matcher.group(1)),
                new FlagChange(request.enabled(), request.rolloutPercent(), request.rules(), reason), caller.subject());
        FlagView view = FlagView.of(new FlagAdministration.Flag(administration().flag(key).definition(), next));
        return ResponseEntity.ok().eTag("\"" + next.version() + "\"").body(view);
    }

    @GetMapping("/api/operator/flags/{key}/history")
    List<FlagAttempt> history(@PathVariable String key, @RequestParam(defaultValue = "100") int limit) {
        return administration().history(key, Math.clamp(limit, 1, 1_000));
    }

    /** One instance's acknowledgement, and whether it runs the flag's current version. */
    record InstanceView(String instanceId, long version, boolean current, Instant appliedAt,
            @Nullable Long delayMillis, String source) {
    }

    @GetMapping("/api/operator/flags/{key}/instances")
    List<InstanceView> instances(@PathVariable String key) {
        long current = administration().flag(key).state().version();
        return administration().instances(key).stream()
                .map((FlagAcknowledgement ack) -> new InstanceView(ack.instanceId(), ack.version(),
                        ack.version() == current, ack.appliedAt(), ack.delayMillis(), ack.source()))
                .toList();
    }
}
