package baedal.identity.secrets;

import java.util.Objects;

/**
 * A secret sealed by a {@link SecretBox}, as it is stored: {@code v1.<key id>.<base64url(nonce ‖ ciphertext ‖ tag)>}.
 * The text reveals which key sealed it (for rotation) and the secret's length, nothing else; it is safe to store and
 * to log.
 *
 * @param text the sealed form
 */
public record Sealed(String text) {

    static final String VERSION = "v1";

    public Sealed {
        Objects.requireNonNull(text, "text");
        String[] parts = text.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION) || parts[1].length() != SecretKeyRing.KEY_ID_LENGTH
                || parts[2].isEmpty()) {
            throw new SealRefused("not a sealed value");
        }
    }

    /** The id of the key that sealed it. */
    public String keyId() {
        return text.split("\\.", 3)[1];
    }

    String payload() {
        return text.split("\\.", 3)[2];
    }

    @Override
    public String toString() {
        return text;
    }
}
