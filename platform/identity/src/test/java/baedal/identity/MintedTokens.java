package baedal.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Tokens a test mints itself with Nimbus: well-formed ones, and each way a token can be wrong. */
public final class MintedTokens {

    private MintedTokens() {
    }

    /** The embedded issuer's signing key as it keeps it under the data folder. */
    public static RSAKey embeddedSigningKey(Path dataDir) {
        try {
            return RSAKey.parse(Files.readString(dataDir.resolve("identity").resolve("signing-key.json")));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (ParseException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A key no issuer the platform trusts holds. */
    public static RSAKey strangerKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The claims of a valid access token of {@code member-1001} from {@code issuer}, for baedal's audience. */
    public static JWTClaimsSet.Builder memberClaims(String issuer) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("member-1001")
                .audience("baedal")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of("MEMBER"))
                .claim("member_id", 1001L);
    }

    public static String signed(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    /** The same claims with {@code alg: none} and no signature. */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** The claims of a token, read without checking anything. */
    public static JWTClaimsSet claimsOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        }
        catch (ParseException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
