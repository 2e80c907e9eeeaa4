package baedal.flags;

import static baedal.flags.Flags.LICENCES;
import static baedal.flags.Flags.REMOTE_CALLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class BaedalFlagProviderTests {

    private final LiveFlags live = new LiveFlags(Flags.catalogue(), Clock.systemUTC());
    private final BaedalFlagProvider provider = new BaedalFlagProvider(live);

    private Client client() {
        String domain = "test-" + System.identityHashCode(this);
        OpenFeatureAPI.getInstance().setProviderAndWait(domain, provider);
        return OpenFeatureAPI.getInstance().getClient(domain);
    }

    @Test
    void answersTheSafeDefaultUntilAChangeIsAppliedAndThenTheChange() {
        Client client = client();
        assertThat(client.getBooleanValue(LICENCES.key(), true)).as("code default, not the caller's").isFalse();
        live.apply(Flags.after(LICENCES, Flags.on("go")), LiveFlags.Source.KAFKA);
        assertThat(client.getBooleanValue(LICENCES.key(), false)).isTrue();
    }

    @Test
    void evaluatesRulesOnTheContextsAttributesAndTheRolloutOnItsTargetingKey() {
        Client client = client();
        live.apply(Flags.after(REMOTE_CALLS, Flags.rollout(100, "shopId in [1, 2]", "region == seoul")), LiveFlags.Source.KAFKA);
        MutableContext seoulShop = new MutableContext("member-1001").add("shopId", 2).add("region", "seoul");
        MutableContext busanShop = new MutableContext("member-1001").add("shopId", 2).add("region", "busan");
        assertThat(client.getBooleanValue(REMOTE_CALLS.key(), false, seoulShop)).isTrue();
        assertThat(client.getBooleanValue(REMOTE_CALLS.key(), false, busanShop)).isFalse();
    }

    @Test
    void tellsTheSdkOfEveryAppliedChange() {
        Client client = client();
        List<List<String>> changed = new CopyOnWriteArrayList<>();
        client.on(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED, details -> changed.add(details.getFlagsChanged()));
        live.apply(Flags.after(LICENCES, Flags.on("go")), LiveFlags.Source.KAFKA);
        await().atMost(Duration.ofSeconds(5)).until(() -> changed.contains(List.of(LICENCES.key())));
    }

    @Test
    void answersTheCallersDefaultWithFlagNotFoundForAnUndeclaredFlag() {
        var details = client().getBooleanDetails("order.nothing", true);
        assertThat(details.getValue()).isTrue();
        assertThat(details.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
    }
}
