package baedal.app;

import static baedal.app.OrderRequests.aSimpleOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A whole order lifecycle with baedal's own logging (and Spring's web layer) at DEBUG leaves no personal data in
 * the log: no bearer token, no address detail, no phone number — the masking converters of the identity module
 * apply to every line ({@code logback-spring.xml}).
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataInLogsIntegrationTests {

    private static final String DETAIL = "강남파이낸스센터 12층 1203호";
    private static final String PHONE = "010-2345-6789";

    @TempDir
    Path data;

    @Test
    void logsAWholeLifecycleWithoutTokensAddressDetailsOrPhoneNumbers(CapturedOutput output) {
        try (PostgresServer postgres = PostgresServer.start(data.resolve("pg"), "catalog", "shard_0");
                RunningPlatform platform = RunningPlatform.start(Map.of("logging.level.baedal", "DEBUG",
                        "logging.level.org.springframework.web", "DEBUG"), postgres.url("catalog"),
                        postgres.url("shard_0"))) {
            RunningPlatform member = platform.as("member-1001");
            RunningPlatform shop = platform.as("shop-1");
            RunningPlatform rider = platform.as("rider-501");

            RunningPlatform.Response placed = member.post("/api/orders", aSimpleOrder().without("memberId")
                    .withAddress("detail", DETAIL).with("requestToRider", "도착하면 " + PHONE + "로 전화주세요").body(),
                    "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(placed.status()).as(placed.body()).isEqualTo(201);
            String path = "/api/orders/" + placed.json().path("orderNo").asString();
            assertThat(shop.post(path + "/accept", Map.of("cookingMinutes", 15)).status()).isEqualTo(200);
            assertThat(rider.post(path + "/dispatch", Map.of()).status()).isEqualTo(200);
            assertThat(rider.post(path + "/arrive-at-shop", "").status()).isEqualTo(200);
            assertThat(rider.post(path + "/pick-up", "").status()).isEqualTo(200);
            assertThat(rider.post(path + "/deliver", "").status()).isEqualTo(200);
            assertThat(member.get(path).json().path("status").asString()).isEqualTo("DELIVERED");
            assertThat(platform.get(path + "/events").status()).isEqualTo(200);
            assertThat(member.get("/api/orders/1000999").status()).isEqualTo(404);

            String log = output.getAll();
            assertThat(log).as("the platform logged at DEBUG").contains("DEBUG");
            for (String token : List.of(member.token("member-1001"), shop.token("shop-1"), rider.token("rider-501"),
                    platform.token(RunningPlatform.OPERATOR))) {
                assertThat(log).doesNotContain(token).doesNotContain(token.substring(token.length() - 20));
            }
            assertThat(log).doesNotContain(DETAIL).doesNotContain("1203호").doesNotContain(PHONE)
                    .doesNotContain("2345-6789");
        }
    }
}
