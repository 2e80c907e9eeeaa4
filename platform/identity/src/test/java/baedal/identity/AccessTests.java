package baedal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTests {

    @Test
    void rolesAllowCallersHoldingOneOfThem() {
        Access access = Access.anyRole(Role.MEMBER, Role.OPERATOR);

        assertThat(access.allows(Caller.member("member-1001", 1001))).isTrue();
        assertThat(access.allows(Caller.operator("operator"))).isTrue();
        assertThat(access.allows(Caller.rider("rider-501", 501))).isFalse();
    }

    @Test
    void aServiceIsAllowedByItsScopeOnly() {
        Access access = Access.anyRole(Role.OPERATOR).orServiceScopes("member.read");

        assertThat(access.allows(Caller.service("member-service", Set.of("member.read")))).isTrue();
        assertThat(access.allows(Caller.service("order-service", Set.of("order.read")))).isFalse();
        assertThat(access.allows(Caller.operator("operator"))).isTrue();
    }

    @Test
    void aScopeGrantsNothingToACallerThatIsNoService() {
        Caller memberWithScope = new Caller("member-1001", Set.of(Role.MEMBER), Set.of("member.read"),
                java.util.OptionalLong.of(1001), Set.of(), java.util.OptionalLong.empty());

        assertThat(Access.anyServiceScope("member.read").allows(memberWithScope)).isFalse();
    }

    @Test
    void theServiceRoleAloneAllowsEveryService() {
        assertThat(Access.anyRole(Role.SERVICE).allows(Caller.service("any-service", Set.of()))).isTrue();
    }

    @Test
    void anyoneAllowsEveryCaller() {
        assertThat(Access.anyone().allows(Caller.rider("rider-501", 501))).isTrue();
        assertThat(Access.anyone().permitAll()).isTrue();
    }

    @Test
    void rejectsAnAccessNamingNobody() {
        assertThatThrownBy(() -> new Access(false, Set.of(), Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Access.anyRole()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAPublicAccessNamingRoles() {
        assertThatThrownBy(() -> new Access(true, Set.of(Role.MEMBER), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Access.anyone().orServiceScopes("member.read"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsAScopeWithWhitespace() {
        assertThatThrownBy(() -> Access.anyServiceScope("member read")).isInstanceOf(IllegalArgumentException.class);
    }
}
