package baedal.identity.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretBoxTests {

    static final String KEY = SecretBox.newKey();

    static final String PURPOSE = "rider.resident-number";

    final SecretBox box = SecretBox.of(KEY);

    @Test
    void opensWhatItSealed() {
        Sealed sealed = box.seal(PURPOSE, "900101-1234567");

        assertThat(box.open(PURPOSE, sealed)).isEqualTo("900101-1234567");
    }

    @Test
    void theSealedTextHoldsNeitherTheSecretNorTheKey() {
        Sealed sealed = box.seal(PURPOSE, "900101-1234567");

        assertThat(sealed.text()).startsWith("v1." + box.currentKeyId() + ".").doesNotContain("900101", "1234567");
        assertThat(sealed.text()).doesNotContain(KEY);
    }

    @Test
    void sealingTwiceGivesTwoTexts() {
        assertThat(box.seal(PURPOSE, "same").text()).isNotEqualTo(box.seal(PURPOSE, "same").text());
    }

    @Test
    void refusesATamperedValue() {
        Sealed sealed = box.seal(PURPOSE, "900101-1234567");
        byte[] payload = Base64.getUrlDecoder().decode(sealed.text().split("\\.")[2]);
        payload[payload.length / 2] ^= 1;
        Sealed tampered = new Sealed("v1." + sealed.keyId() + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload));

        assertThatThrownBy(() -> box.open(PURPOSE, tampered)).isInstanceOf(SealRefused.class);
    }

    @Test
    void refusesAValueSealedUnderAnotherKey() {
        Sealed sealed = SecretBox.of(SecretBox.newKey()).seal(PURPOSE, "900101-1234567");

        assertThatThrownBy(() -> box.open(PURPOSE, sealed)).isInstanceOf(SealRefused.class)
                .hasMessageContaining(sealed.keyId());
    }

    @Test
    void refusesAValueWhoseKeyIdWasSwappedForThisBoxs() {
        Sealed foreign = SecretBox.of(SecretBox.newKey()).seal(PURPOSE, "900101-1234567");
        Sealed relabelled = new Sealed("v1." + box.currentKeyId() + "." + foreign.text().split("\\.")[2]);

        assertThatThrownBy(() -> box.open(PURPOSE, relabelled)).isInstanceOf(SealRefused.class);
    }

    @Test
    void refusesAValueSealedForAnotherPurpose() {
        Sealed sealed = box.seal("rider.licence-number", "11-17-123456-01");

        assertThatThrownBy(() -> box.open(PURPOSE, sealed)).isInstanceOf(SealRefused.class);
    }

    @Test
    void refusesSomethingThatIsNoSealedValue() {
        assertThatThrownBy(() -> new Sealed("900101-1234567")).isInstanceOf(SealRefused.class);
        assertThatThrownBy(() -> box.open(PURPOSE, new Sealed("v1." + box.currentKeyId() + ".AAAA")))
                .isInstanceOf(SealRefused.class);
    }

    @Test
    void aRetiredKeyStillOpensWhatItSealedAndResealingMovesItToTheCurrentKey() {
        String oldKey = SecretBox.newKey();
        Sealed old = SecretBox.of(oldKey).seal(PURPOSE, "900101-1234567");
        SecretBox rotated = SecretBox.of(KEY, List.of(oldKey));

        assertThat(rotated.needsResealing(old)).isTrue();
        Sealed resealed = rotated.reseal(PURPOSE, old);
        assertThat(rotated.needsResealing(resealed)).isFalse();
        assertThat(SecretBox.of(KEY).open(PURPOSE, resealed)).isEqualTo("900101-1234567");
        assertThat(rotated.open(PURPOSE, old)).isEqualTo("900101-1234567");
    }

    @Test
    void rejectsAKeyThatIsNot256Bits() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> SecretBox.of(shortKey)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretBox.of("not base64 !")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeysIdIsTheSameEveryTime() {
        assertThat(SecretBox.of(KEY).currentKeyId()).isEqualTo(SecretBox.of(KEY).currentKeyId()).hasSize(8);
    }
}
