package baedal.identity.secrets;

/**
 * A sealed value could not be opened: it is malformed, was sealed under a key this box does not hold, was sealed for
 * another purpose, or was changed after sealing. Nothing about the secret is revealed.
 */
public final class SealRefused extends RuntimeException {

    SealRefused(String reason) {
        super("Sealed value refused: " + reason);
    }
}
