package baedal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTests {

    @Test
    void aMemberIsOnlyItself() {
        Caller member = Caller.member("member-1001", 1001);

        assertThat(member.isMember(1001)).isTrue();
        assertThat(member.isMember(1002)).isFalse();
        assertThat(member.ownsShop(1001)).isFalse();
        assertThat(member.isOperator()).isFalse();
    }

    @Test
    void aShopOwnsOnlyItsShops() {
        Caller shop = Caller.shop("shop-owner", Set.of(1L, 3L));

        assertThat(shop.ownsShop(1)).isTrue();
        assertThat(shop.ownsShop(3)).isTrue();
        assertThat(shop.ownsShop(2)).isFalse();
        assertThat(shop.isMember(1)).isFalse();
    }

    @Test
    void aRiderIsOnlyItself() {
        Caller rider = Caller.rider("rider-501", 501);

        assertThat(rider.isRider(501)).isTrue();
        assertThat(rider.isRider(502)).isFalse();
    }

    @Test
    void anIdWithoutItsRoleGrantsNothing() {
        Caller operator = new Caller("someone", Set.of(Role.OPERATOR), Set.of(), OptionalLong.of(1001), Set.of(1L),
                OptionalLong.of(501));

        assertThat(operator.isMember(1001)).isFalse();
        assertThat(operator.ownsShop(1)).isFalse();
        assertThat(operator.isRider(501)).isFalse();
        assertThat(operator.isOperator()).isTrue();
    }

    @Test
    void rejectsAMemberWithoutAMemberId() {
        assertThatThrownBy(() -> new Caller("member", Set.of(Role.MEMBER), Set.of(), OptionalLong.empty(), Set.of(),
                OptionalLong.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAShopWithoutShops() {
        assertThatThrownBy(() -> Caller.shop("shop", Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsARiderWithoutARiderId() {
        assertThatThrownBy(() -> new Caller("rider", Set.of(Role.RIDER), Set.of(), OptionalLong.empty(), Set.of(),
                OptionalLong.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsABlankSubject() {
        assertThatThrownBy(() -> Caller.operator(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsRoleNamesIgnoringCase() {
        assertThat(Role.named("member")).contains(Role.MEMBER);
        assertThat(Role.named(" Operator ")).contains(Role.OPERATOR);
        assertThat(Role.named("admin")).isEmpty();
        assertThat(Role.OPERATOR.authority()).isEqualTo("ROLE_OPERATOR");
    }
}
