package baedal.outbox.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import baedal.embedded.EmbeddedPlatform;
import baedal.embedded.EmbeddedSettings;
import baedal.outbox.EventIds;
import baedal.outbox.Outbox;
import baedal.outbox.OutboxConfiguration;
import baedal.outbox.OutboxRecord;
import baedal.outbox.OutboxRepublisher;
import baedal.platform.web.ProblemHandling;
import baedal.sharding.ModuleSchema;
import baedal.sharding.ShardNo;
import baedal.sharding.ShardProperties;
import baedal.sharding.Shards;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class OutboxOperatorApiIntegrationTests {

    @TempDir
    static Path dataDir;

    static EmbeddedPlatform platform;
    static Shards shards;
    static MockMvc api;
    static Instant start;

    @BeforeAll
    static void startPlatform() {
        platform = EmbeddedPlatform.start(EmbeddedSettings.defaults().withDataDir(dataDir).withFreePorts());
        platform.createDatabaseIfMissing("operator_s0");
        shards = Shards.open(new ShardProperties(List.of(new ShardProperties.Node(platform.jdbcUrl("operator_s0"),
                platform.postgresUser(), "")), 2, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(1),
                null), List.of(new ModuleSchema(OutboxConfiguration.LOCATION, OutboxConfiguration.HISTORY_TABLE)),
                config -> { });
        start = Instant.now().minusSeconds(1);
        Outbox outbox = new Outbox(null);
        EventIds ids = new EventIds(Clock.systemUTC());
        shards.get(new ShardNo(0)).inTransaction(jdbc -> {
            for (int version = 1; version <= 3; version++) {
                outbox.append(jdbc, new ShardNo(0), new OutboxRecord(ids.next(), "Order", "a", "OrderPlaced", version, Instant.now(),
                        null, "{}"));
            }
            outbox.append(jdbc, new ShardNo(0), new OutboxRecord(ids.next(), "Order", "b", "OrderPlaced", 1, Instant.now(), null, "{}"));
            jdbc.sql("insert into outbox_publication select max(tx), max(seq), now() from outbox").update(); // all published
            return null;
        });
        api = MockMvcBuilders.standaloneSetup(new OutboxOperatorController(new OutboxRepublisher(shards), shards))
                .setControllerAdvice(new ProblemHandling())
                .build();
    }

    @AfterAll
    static void stopPlatform() {
        if (shards != null) {
            shards.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void requeuesAnAggregateAndATimeRangeWith202() throws Exception {
        api.perform(post("/api/operator/outbox/shards/0/republish").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"aggregateId\": \"a\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.requeued").value(3));
        api.perform(post("/api/operator/outbox/shards/0/republish").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\": \"" + start + "\", \"to\": \"" + Instant.now().plusSeconds(1) + "\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.requeued").value(1));
    }

    @Test
    void rejectsARequestWithNeitherAggregateNorRangeAsProblem() throws Exception {
        api.perform(post("/api/operator/outbox/shards/0/republish").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\": \"" + start + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void rejectsAnEmptyRangeAsProblem() throws Exception {
        api.perform(post("/api/operator/outbox/shards/0/republish").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\": \"" + start + "\", \"to\": \"" + start + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://baedal.io/problems/invalid-request"));
    }

    @Test
    void rejectsAMalformedInstantAsProblem() throws Exception {
        api.perform(post("/api/operator/outbox/shards/0/republish").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\": \"yesterday\", \"to\": \"today\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void answersAnUnknownShardWith404() throws Exception {
        api.perform(post("/api/operator/outbox/shards/7/republish").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"aggregateId\": \"a\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://baedal.io/problems/unknown-shard"));
    }
}
