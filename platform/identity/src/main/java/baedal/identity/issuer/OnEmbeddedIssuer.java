package baedal.identity.issuer;

import baedal.identity.IdentityProperties;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when this process runs the embedded issuer ({@link IdentityProperties#embeddedIssuerEnabled}). */
final class OnEmbeddedIssuer extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return IdentityProperties.embeddedIssuerEnabled(context.getEnvironment())
                ? ConditionOutcome.match("the embedded issuer is enabled")
                : ConditionOutcome.noMatch("the embedded issuer is disabled (external issuer)");
    }
}
