package baedal.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdempotencyKeyTests {

    @Test
    void scopesTheClientsKeyToTheCaller() {
        assertThat(IdempotencyKey.of("member-1001", "k-1").value()).isEqualTo("member-1001:k-1");
        assertThat(IdempotencyKey.of("member-1001", "k-1")).isNotEqualTo(IdempotencyKey.of("member-1002", "k-1"));
    }

    @Test
    void takesAClientKeyOfAHundredCharactersButNotMore() {
        assertThat(IdempotencyKey.of("operator", "k".repeat(100)).value()).hasSize("operator:".length() + 100);
        assertThatThrownBy(() -> IdempotencyKey.of("operator", "k".repeat(101)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnEmptyKeyOrOneWithInvisibleCharacters() {
        assertThatThrownBy(() -> IdempotencyKey.of("operator", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.of("operator", "a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.of("operator", "키")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsTwoSubjectsKeysApartWhateverTheirCharacters() {
        assertThat(IdempotencyKey.of("a:b", "c").value()).isNotEqualTo(IdempotencyKey.of("a", "b:c").value());
        assertThat(IdempotencyKey.of("회원 1", "k").value()).isEqualTo("%ED%9A%8C%EC%9B%90+1:k");
    }

    @Test
    void rejectsACallerWithoutASubject() {
        assertThatThrownBy(() -> IdempotencyKey.of("", "k")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.of("s".repeat(256), "k")).isInstanceOf(IllegalArgumentException.class);
    }
}
