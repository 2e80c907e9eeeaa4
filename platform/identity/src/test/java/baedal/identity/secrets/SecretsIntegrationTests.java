package baedal.identity.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Where the secret key comes from: configuration, or a file the embedded default creates once and keeps. */
class SecretsIntegrationTests {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SecretsAutoConfiguration.class));

    @Test
    void theEmbeddedDefaultKeepsAGeneratedKeyUnderTheDataFolder(@TempDir Path dataDir) {
        String[] sealed = new String[1];
        runner.withPropertyValues("baedal.embedded.data-dir=" + dataDir).run(context -> {
            sealed[0] = context.getBean(SecretBox.class).seal("test", "900101-1234567").text();
        });
        Path keyFile = dataDir.resolve("identity/secret-key");
        assertThat(keyFile).exists();

        runner.withPropertyValues("baedal.embedded.data-dir=" + dataDir).run(context ->
                assertThat(context.getBean(SecretBox.class).open("test", new Sealed(sealed[0])))
                        .isEqualTo("900101-1234567"));
    }

    @Test
    void theGeneratedKeyIsReadableByItsOwnerOnly(@TempDir Path dataDir) throws Exception {
        runner.withPropertyValues("baedal.embedded.data-dir=" + dataDir)
                .run(context -> context.getBean(SecretBox.class));

        Path keyFile = dataDir.resolve("identity/secret-key");
        if (Files.getFileStore(keyFile).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        }
    }

    @Test
    void aConfiguredKeyIsUsedAndNothingIsWritten(@TempDir Path dataDir) {
        String key = SecretBox.newKey();
        runner.withPropertyValues("baedal.embedded.data-dir=" + dataDir, "baedal.identity.secret-key=" + key)
                .run(context -> {
                    Sealed sealed = context.getBean(SecretBox.class).seal("test", "secret");
                    assertThat(SecretBox.of(key).open("test", sealed)).isEqualTo("secret");
                });
        assertThat(dataDir.resolve("identity")).doesNotExist();
    }

    @Test
    void externalModeWithoutAKeyFailsWhenTheBoxIsNeeded(@TempDir Path dataDir) {
        runner.withPropertyValues("baedal.embedded.enabled=false", "baedal.embedded.data-dir=" + dataDir)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThatThrownBy(() -> context.getBean(SecretBox.class))
                            .hasStackTraceContaining("baedal.identity.secret-key is not set");
                });
        assertThat(dataDir.resolve("identity")).doesNotExist();
    }
}
