package baedal.identity.secrets;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys of a {@link SecretBox}: the current one, which seals, and retired ones, which still open what they
 * sealed. A key's id is derived from the key itself (the first four bytes of a SHA-256 over it, in hex), so ids need
 * no configuration and a configured key always has the same id.
 */
final class SecretKeyRing {

    static final int KEY_ID_LENGTH = 8;

    private static final int KEY_BYTES = 32;

    private final String currentId;

    private final Map<String, SecretKey> keys;

    private SecretKeyRing(String currentId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.keys = Map.copyOf(keys);
    }

    /** The ring of a current key and retired ones, each base64 of 32 bytes. */
    static SecretKeyRing of(String current, List<String> retired) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String currentId = add(keys, current, "baedal.identity.secret-key");
        for (String key : retired) {
            add(keys, key, "baedal.identity.retired-secret-keys");
        }
        return new SecretKeyRing(currentId, keys);
    }

    private static String add(Map<String, SecretKey> keys, String base64, String property) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        }
        catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(property + " is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException(property + " must be 32 bytes (256 bits), base64; it is "
                    + bytes.length + " bytes");
        }
        String id = idOf(bytes);
        if (keys.putIfAbsent(id, new SecretKeySpec(bytes, "AES")) != null) {
            throw new IllegalArgumentException(property + " lists a key twice (id " + id + ")");
        }
        return id;
    }

    static String idOf(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, KEY_ID_LENGTH / 2);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    Optional<SecretKey> byId(String id) {
        return Optional.ofNullable(keys.get(id));
    }
}
