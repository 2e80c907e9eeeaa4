package baedal.identity.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals secrets for storage (resident numbers, licence numbers…) with AES-256-GCM: a random 96-bit nonce per value, a
 * 128-bit tag, the key id and the purpose bound in as associated data. A sealed value opens only under the key that
 * sealed it and for the purpose it was sealed for ({@code "rider.resident-number"}): copied into another column, it
 * is refused. Keys rotate: seal under the new key, keep the old one retired until {@link #needsResealing} is false
 * for every stored value.
 */
public final class SecretBox {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private static final int NONCE_BYTES = 12;

    private static final int TAG_BITS = 128;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeyRing keys;

    private final SecureRandom random;

    private SecretBox(SecretKeyRing keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    /**
     * A box sealing under {@code currentKey} and opening under it and the retired keys; each key is base64 of 32
     * random bytes.
     */
    public static SecretBox of(String currentKey, List<String> retiredKeys) {
        return new SecretBox(SecretKeyRing.of(currentKey, retiredKeys), new SecureRandom());
    }

    /** A box with one key. */
    public static SecretBox of(String key) {
        return of(key, List.of());
    }

    /** A new random key, base64 (what {@code baedal.identity.secret-key} takes). */
    public static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Seals a secret for a purpose (a name for where it is stored, e.g. {@code "rider.resident-number"}). */
    public Sealed seal(String purpose, String secret) {
        return seal(purpose, secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Seals secret bytes for a purpose. */
    public Sealed seal(String purpose, byte[] secret) {
        Objects.requireNonNull(purpose, "purpose");
        String keyId = keys.currentId();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, keys.current(), nonce, associatedData(keyId, purpose), secret);
        byte[] payload = new byte[NONCE_BYTES + ciphertext.length];
        System.arraycopy(nonce, 0, payload, 0, NONCE_BYTES);
        System.arraycopy(ciphertext, 0, payload, NONCE_BYTES, ciphertext.length);
        return new Sealed(Sealed.VERSION + "." + keyId + "." + ENCODER.encodeToString(payload));
    }

    /**
     * Opens a sealed secret.
     *
     * @throws SealRefused when it was sealed under an unknown key or for another purpose, or was changed
     */
    public String open(String purpose, Sealed sealed) {
        return new String(openBytes(purpose, sealed), StandardCharsets.UTF_8);
    }

    /** Opens sealed secret bytes. */
    public byte[] openBytes(String purpose, Sealed sealed) {
        Objects.requireNonNull(purpose, "purpose");
        SecretKey key = keys.byId(sealed.keyId())
                .orElseThrow(() -> new SealRefused("sealed under key " + sealed.keyId() + ", which this box does not hold"));
        byte[] payload;
        try {
            payload = DECODER.decode(sealed.payload());
        }
        catch (IllegalArgumentException notBase64) {
            throw new SealRefused("malformed");
        }
        if (payload.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealRefused("too short");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(payload, 0, nonce, 0, NONCE_BYTES);
        byte[] ciphertext = new byte[payload.length - NONCE_BYTES];
        System.arraycopy(payload, NONCE_BYTES, ciphertext, 0, ciphertext.length);
        return crypt(Cipher.DECRYPT_MODE, key, nonce, associatedData(sealed.keyId(), purpose), ciphertext);
    }

    /** Whether a value was sealed under another key than the current one (rotation: {@link #reseal} it). */
    public boolean needsResealing(Sealed sealed) {
        return !sealed.keyId().equals(keys.currentId());
    }

    /** The same secret sealed under the current key. */
    public Sealed reseal(String purpose, Sealed sealed) {
        return seal(purpose, openBytes(purpose, sealed));
    }

    /** The id of the key that seals. */
    public String currentKeyId() {
        return keys.currentId();
    }

    private static byte[] associatedData(String keyId, String purpose) {
        return (Sealed.VERSION + "." + keyId + "." + purpose).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] nonce, byte[] associatedData, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(input);
        }
        catch (AEADBadTagException tampered) {
            throw new SealRefused("it was changed, sealed for another purpose or under another key");
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-GCM is not available", ex);
        }
    }

    @Override
    public String toString() {
        return "SecretBox[current key " + keys.currentId() + "]";
    }
}
