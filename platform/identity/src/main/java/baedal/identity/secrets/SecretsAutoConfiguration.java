package baedal.identity.secrets;

import baedal.identity.IdentityProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * The {@link SecretBox} under {@code baedal.identity.secret-key} (and the retired keys). Without one, the embedded
 * default generates a key once and keeps it in {@code <data-dir>/secret-key}; external mode has no default, and
 * the first module that needs the box fails to start. The box is made on first use, so an application none of
 * whose modules seals anything needs no key.
 */
@AutoConfiguration
@EnableConfigurationProperties(IdentityProperties.class)
public final class SecretsAutoConfiguration {

    static final String KEY_FILE = "secret-key";

    private static final Logger log = LoggerFactory.getLogger(SecretsAutoConfiguration.class);

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    SecretBox secretBox(IdentityProperties properties, Environment environment) {
        String key = properties.secretKey();
        if (key == null || key.isBlank()) {
            if (!environment.getProperty("baedal.embedded.enabled", Boolean.class, true)) {
                throw new IllegalStateException("baedal.identity.secret-key is not set: external mode needs the key "
                        + "that seals secrets at rest (base64 of 32 random bytes, e.g. openssl rand -base64 32)");
            }
            key = keptKey(properties.resolvedDataDir(environment).resolve(KEY_FILE));
        }
        SecretBox box = SecretBox.of(key, properties.retiredSecretKeys());
        log.info("Secrets at rest sealed under key {}", box.currentKeyId());
        return box;
    }

    static String keptKey(Path file) {
        try {
            if (KeyFiles.createIfAbsent(file, SecretBox.newKey())) {
                log.info("Generated the key that seals secrets at rest in {}", file);
            }
            return Files.readString(file).trim();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not keep the secret key in " + file, ex);
        }
    }
}
