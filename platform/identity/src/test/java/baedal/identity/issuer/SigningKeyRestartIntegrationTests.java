package baedal.identity.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import baedal.identity.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.util.TestSocketUtils;

/** The embedded issuer's signing key lives in the data folder: its tokens outlive the process that issued them. */
class SigningKeyRestartIntegrationTests {

    @Test
    void aTokenIssuedBeforeARestartIsStillValidAfterIt(@TempDir Path dataDir) {
        int port = TestSocketUtils.findAvailableTcpPort();
        String token;
        String keyId;
        try (RunningApp first = RunningApp.embedded(dataDir, port)) {
            token = first.token("member-1001");
            keyId = keyId(first);
            assertThat(first.getWithToken("/api/test/caller", token).statusCode()).isEqualTo(200);
        }
        assertThat(dataDir.resolve("identity/signing-key.json")).exists();

        try (RunningApp second = RunningApp.embedded(dataDir, port)) {
            assertThat(second.getWithToken("/api/test/caller", token).statusCode()).isEqualTo(200);
            assertThat(keyId(second)).isEqualTo(keyId);
        }
    }

    @Test
    void anotherDataFolderMeansAnotherKeyAndTheOldTokensAreRefused(@TempDir Path first, @TempDir Path second)
            throws Exception {
        int port = TestSocketUtils.findAvailableTcpPort();
        String token;
        try (RunningApp app = RunningApp.embedded(first, port)) {
            token = app.token("member-1001");
        }

        try (RunningApp app = RunningApp.embedded(second, port)) {
            assertThat(app.getWithToken("/api/test/caller", token).statusCode()).isEqualTo(401);
        }
        assertThat(Files.readString(first.resolve("identity/signing-key.json")))
                .isNotEqualTo(Files.readString(second.resolve("identity/signing-key.json")));
    }

    private static String keyId(RunningApp app) {
        return RunningApp.json(app.get("/oauth2/jwks")).get("keys").get(0).get("kid").asString();
    }
}
