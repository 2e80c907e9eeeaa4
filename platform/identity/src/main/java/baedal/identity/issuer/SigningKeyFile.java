package baedal.identity.issuer;

import baedal.identity.secrets.KeyFiles;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded issuer's RSA signing key, kept as a private JWK in a file under the data folder so that the tokens it
 * signed stay valid across restarts: created on the first start, read on every later one.
 */
final class SigningKeyFile {

    static final String FILE_NAME = "signing-key.json";

    private static final Logger log = LoggerFactory.getLogger(SigningKeyFile.class);

    private SigningKeyFile() {
    }

    static RSAKey loadOrCreate(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        try {
            boolean created = false;
            if (!Files.exists(file)) {
                RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.RS256).generate();
                created = KeyFiles.createIfAbsent(file, key.toJSONString());
            }
            RSAKey key = RSAKey.parse(Files.readString(file));
            if (!key.isPrivate()) {
                throw new IllegalStateException(file + " holds no private key: remove it to have a new one created");
            }
            log.info("Embedded issuer: signing with key {} {} {}", key.getKeyID(), created ? "created in" : "from", file);
            return key;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not keep the embedded issuer's signing key in " + file, ex);
        }
        catch (ParseException ex) {
            throw new IllegalStateException(file + " is not an RSA JWK: remove it to have a new one created", ex);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Could not generate the embedded issuer's signing key", ex);
        }
    }
}
