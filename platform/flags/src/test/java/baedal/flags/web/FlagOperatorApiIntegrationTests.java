package baedal.flags.web;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import baedal.embedded.EmbeddedPlatform;
import baedal.embedded.EmbeddedSettings;
import baedal.flags.FlagInstance;
import baedal.identity.Caller;
import baedal.platform.web.ProblemHandling;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** The operator's flags API over a real instance (PostgreSQL, Kafka), the caller an operator as identity resolves it. */
class FlagOperatorApiIntegrationTests {

    @TempDir
    static Path dataDir;

    static EmbeddedPlatform platform;
    static FlagInstance instance;
    static MockMvc api;

    @BeforeAll
    static void start() {
        platform = EmbeddedPlatform.start(EmbeddedSettings.defaults().withDataDir(dataDir.resolve("platform")).withFreePorts());
        FlagInstance.createDatabases(platform);
        instance = FlagInstance.start(platform, "api-1", dataDir, Duration.ofHours(1));
        api = MockMvcBuilders.standaloneSetup(FlagOperatorController.over(instance.administration()))
                .setControllerAdvice(new FlagProblems(), new ProblemHandling())
                .setCustomArgumentResolvers(new OperatorKim())
                .build();
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    /** The caller identity would resolve from an operator's token. */
    static final class OperatorKim implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Caller.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                NativeWebRequest request, WebDataBinderFactory binders) {
            return Caller.operator("operator-kim");
        }
    }

    private static ResultActions change(String key, String ifMatch, String body) throws Exception {
        var request = put("/api/operator/flags/" + key).contentType(MediaType.APPLICATION_JSON).content(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return api.perform(request);
    }

    private static long version(String key) {
        return instance.administration().flag(key).state().version();
    }

    @Test
    void listsEveryFlagWithItsStateVersionAndDefault() throws Exception {
        api.perform(get("/api/operator/flags"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].key").value(hasItem("member.remote-calls")))
                .andExpect(jsonPath("$[?(@.key == 'rider.licence-automation')].type").value(hasItem("ON_OFF")))
                .andExpect(jsonPath("$[?(@.key == 'rider.licence-automation')].safeDefault").value(hasItem(false)));
    }

    @Test
    void aChangeAgainstTheCurrentVersionAnswersTheNewStateAndItsVersion() throws Exception {
        long version = version("member.remote-calls");
        change("member.remote-calls", "\"" + version + "\"",
                "{\"enabled\": true, \"rolloutPercent\": 10, \"rules\": [\"region == seoul\"], \"reason\": \"pilot in Seoul\"}")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + (version + 1) + "\""))
                .andExpect(jsonPath("$.version").value(version + 1))
                .andExpect(jsonPath("$.rolloutPercent").value(10))
                .andExpect(jsonPath("$.rules[0]").value("region == seoul"))
                .andExpect(jsonPath("$.changedBy").value("operator-kim"));
        api.perform(get("/api/operator/flags/member.remote-calls/history"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].outcome").value("applied"))
                .andExpect(jsonPath("$[0].reason").value("pilot in Seoul"))
                .andExpect(jsonPath("$[0].subject").value("operator-kim"));
    }

    @Test
    void aStaleVersionIs412WithTheCurrentOne() throws Exception {
        long version = version("rider.licence-automation");
        change("rider.licence-automation", "\"" + version + "\"", "{\"enabled\": true, \"reason\": \"first\"}")
                .andExpect(status().isOk());
        change("rider.licence-automation", "\"" + version + "\"", "{\"enabled\": false, \"reason\": \"second\"}")
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://baedal.io/problems/flag-version-stale"))
                .andExpect(jsonPath("$.currentVersion").value(version + 1));
    }

    @Test
    void anUnknownFlagIs404() throws Exception {
        change("order.nothing", "\"0\"", "{\"enabled\": true, \"reason\": \"x\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://baedal.io/problems/flag-not-found"));
        api.perform(get("/api/operator/flags/order.nothing/history")).andExpect(status().isNotFound());
    }

    @Test
    void aPercentOutsideZeroToHundredAMissingReasonOrARuleThatDoesNotParseIs400() throws Exception {
        String current = "\"" + version("member.remote-calls") + "\"";
        for (String body : new String[] {
                "{\"enabled\": true, \"rolloutPercent\": 101, \"reason\": \"r\"}",
                "{\"enabled\": true}",
                "{\"enabled\": true, \"rules\": [\"shopId in 1, 2\"], \"reason\": \"r\"}"}) {
            change("member.remote-calls", current, body)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://baedal.io/problems/flag-change-invalid"));
        }
    }

    @Test
    void theReasonMayComeFromTheBaedalReasonHeader() throws Exception {
        long version = version("rider.licence-automation");
        api.perform(put("/api/operator/flags/rider.licence-automation").contentType(MediaType.APPLICATION_JSON)
                        .header("If-Match", "\"" + version + "\"").header("Baedal-Reason", "console change")
                        .content("{\"enabled\": false}"))
                .andExpect(status().isOk());
        api.perform(get("/api/operator/flags/rider.licence-automation/history"))
                .andExpect(jsonPath("$[0].reason").value("console change"));
    }

    @Test
    void aChangeWithoutIfMatchIs428AndAMalformedOneIs400() throws Exception {
        change("member.remote-calls", null, "{\"enabled\": true, \"reason\": \"r\"}")
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("https://baedal.io/problems/flag-version-required"));
        change("member.remote-calls", "\"v1\"", "{\"enabled\": true, \"reason\": \"r\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://baedal.io/problems/flag-version-malformed"));
    }

    @Test
    void showsWhichInstanceRunsWhichVersion() throws Exception {
        long version = version("rider.licence-automation");
        change("rider.licence-automation", "\"" + version + "\"", "{\"enabled\": true, \"reason\": \"ack me\"}")
                .andExpect(status().isOk());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                api.perform(get("/api/operator/flags/rider.licence-automation/instances"))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$[0].instanceId").value("api-1"))
                        .andExpect(jsonPath("$[0].version").value(version + 1))
                        .andExpect(jsonPath("$[0].current").value(true))
                        .andExpect(jsonPath("$[0].source").value("KAFKA")));
    }
}
