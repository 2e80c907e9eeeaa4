package baedal.identity.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import baedal.identity.Caller;
import baedal.identity.IdentityProperties;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class DemoAccountsTests {

    static final IdentityProperties.Demo DEFAULTS = new IdentityProperties.Demo("demo", null, List.of(1L, 2L, 3L), null);

    final DemoAccounts accounts = new DemoAccounts(DEFAULTS);

    @Test
    void hasAnAccountForEverySeededMemberShopAndRiderAndAnOperator() {
        assertThat(accounts.usernames()).hasSize(10 + 3 + 10 + 1)
                .contains("member-1001", "member-1010", "shop-1", "shop-3", "rider-501", "rider-510", "operator");
        assertThat(accounts.caller("member-1005")).contains(Caller.member("member-1005", 1005));
        assertThat(accounts.caller("shop-2")).contains(Caller.shop("shop-2", Set.of(2L)));
        assertThat(accounts.caller("rider-503")).contains(Caller.rider("rider-503", 503));
        assertThat(accounts.caller("operator")).contains(Caller.operator("operator"));
        assertThat(accounts.summary())
                .isEqualTo("member-1001 … member-1010, shop-1 … shop-3, rider-501 … rider-510, operator");
    }

    @Test
    void everyAccountSignsInWithTheDemoPasswordOnly() {
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        String stored = accounts.loadUserByUsername("rider-501").getPassword();

        assertThat(encoder.matches("demo", stored)).isTrue();
        assertThat(encoder.matches("Demo", stored)).isFalse();
        assertThat(stored).doesNotContain("demo");
    }

    @Test
    void knowsNoOtherAccount() {
        assertThat(accounts.caller("member-9999")).isEmpty();
        assertThatThrownBy(() -> accounts.loadUserByUsername("admin")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void rejectsAnIdListedTwice() {
        assertThatThrownBy(() -> new DemoAccounts(new IdentityProperties.Demo("demo", List.of(1001L, 1001L),
                List.of(), List.of()))).isInstanceOf(IllegalArgumentException.class);
    }
}
