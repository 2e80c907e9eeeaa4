package baedal.flags;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.EventProvider;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ProviderEventDetails;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * baedal's OpenFeature provider: answers boolean flags from the instance's in-memory state (no I/O), and tells the SDK
 * of every change the instance applies ({@code PROVIDER_CONFIGURATION_CHANGED} with the flag's key). A flag the code
 * does not declare answers the caller's default with {@code FLAG_NOT_FOUND}; flags are on/off only, so other types
 * answer the default with {@code TYPE_MISMATCH}. The evaluation context's targeting key is the rollout's key; its
 * other string and number attributes are what rules look at.
 */
public final class BaedalFlagProvider extends EventProvider {

    private static final Metadata METADATA = () -> "baedal";

    private final LiveFlags live;

    BaedalFlagProvider(LiveFlags live) {
        this.live = live;
        live.listen((state, source, at) -> emitProviderConfigurationChanged(ProviderEventDetails.builder()
                .flagsChanged(List.of(state.key())).message(state.key() + " version " + state.version()).build()));
    }

    @Override
    public Metadata getMetadata() {
        return METADATA;
    }

    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue, EvaluationContext ctx) {
        FlagState state = live.state(key);
        if (state == null) {
            return ProviderEvaluation.<Boolean>builder().value(defaultValue).reason(Reason.ERROR.name())
                    .errorCode(ErrorCode.FLAG_NOT_FOUND).errorMessage("no flag " + key).build();
        }
        Map<String, String> attributes = state.rules().isEmpty() || ctx == null ? Map.of() : attributes(ctx);
        boolean on = state.evaluate(ctx == null ? null : ctx.getTargetingKey(), attributes);
        String reason = !state.enabled() ? Reason.DISABLED.name()
                : state.rolloutPercent() != null ? Reason.SPLIT.name()
                : !state.rules().isEmpty() ? Reason.TARGETING_MATCH.name()
                : state.version() == 0 ? Reason.DEFAULT.name() : Reason.STATIC.name();
        return ProviderEvaluation.<Boolean>builder().value(on).variant(on ? "on" : "off").reason(reason).build();
    }

    private static Map<String, String> attributes(EvaluationContext ctx) {
        Map<String, String> attributes = new HashMap<>();
        for (String name : ctx.keySet()) {
            Value value = ctx.getValue(name);
            if (value == null) {
                continue;
            }
            if (value.isString()) {
                attributes.put(name, value.asString());
            } else if (value.isNumber()) {
                double number = value.asDouble();
                attributes.put(name, number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number));
            } else if (value.isBoolean()) {
                attributes.put(name, value.asBoolean().toString());
            }
        }
        return attributes;
    }

    @Override
    public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext ctx) {
        return mismatch(key, defaultValue);
    }

    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue, EvaluationContext ctx) {
        return mismatch(key, defaultValue);
    }

    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext ctx) {
        return mismatch(key, defaultValue);
    }

    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext ctx) {
        return mismatch(key, defaultValue);
    }

    private static <T> ProviderEvaluation<T> mismatch(String key, T defaultValue) {
        return ProviderEvaluation.<T>builder().value(defaultValue).reason(Reason.ERROR.name())
                .errorCode(ErrorCode.TYPE_MISMATCH).errorMessage("baedal flags are on/off: " + key).build();
    }
}
