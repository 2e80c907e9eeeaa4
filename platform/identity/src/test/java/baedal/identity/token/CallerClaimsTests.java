package baedal.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import baedal.identity.Caller;
import baedal.identity.IdentityProperties;
import baedal.identity.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerClaimsTests {

    static final IdentityProperties.Claims DEFAULT_NAMES = new IdentityProperties.Claims("sub", "roles", Map.of(),
            "member_id", "shop_ids", "rider_id", "scope");

    static final CallerClaims DEFAULTS = new CallerClaims(DEFAULT_NAMES);

    @Test
    void readsBaedalsOwnClaims() {
        Caller caller = DEFAULTS.read(Map.of("sub", "member-1001", "roles", List.of("MEMBER"), "member_id", 1001L));

        assertThat(caller).isEqualTo(Caller.member("member-1001", 1001));
    }

    @Test
    void readsShopIdsAsAListOrOneValue() {
        assertThat(DEFAULTS.read(Map.of("sub", "s", "roles", "SHOP", "shop_ids", List.of(1L, "2"))).shopIds())
                .containsExactlyInAnyOrder(1L, 2L);
        assertThat(DEFAULTS.read(Map.of("sub", "s", "roles", "SHOP", "shop_ids", "3")).shopIds()).containsExactly(3L);
        assertThat(DEFAULTS.read(Map.of("sub", "s", "roles", "SHOP", "shop_ids", "4, 5")).shopIds())
                .containsExactlyInAnyOrder(4L, 5L);
    }

    @Test
    void readsRolesAsOneStringAndIgnoresRolesBaedalDoesNotKnow() {
        Caller caller = DEFAULTS.read(Map.of("sub", "x", "roles", "operator offline_access,uma_authorization"));

        assertThat(caller.roles()).containsExactly(Role.OPERATOR);
    }

    @Test
    void readsScopesFromScopeOrScp() {
        assertThat(DEFAULTS.read(Map.of("sub", "svc", "roles", List.of("SERVICE"), "scope", "member.read order.read"))
                .scopes()).containsExactlyInAnyOrder("member.read", "order.read");
        assertThat(DEFAULTS.read(Map.of("sub", "svc", "roles", List.of("SERVICE"), "scp", List.of("member.read")))
                .scopes()).containsExactly("member.read");
    }

    @Test
    void readsAnotherIssuersClaimsThroughTheMapping() {
        CallerClaims keycloak = new CallerClaims(new IdentityProperties.Claims("sub", "realm_access.roles",
                Map.of("customer", Role.MEMBER, "Rider", Role.RIDER), "attributes.member", "shops", "rid", "scope"));

        Caller caller = keycloak.read(Map.of("sub", "f3a9",
                "realm_access", Map.of("roles", List.of("customer", "rider", "default-roles")),
                "attributes", Map.of("member", "1007"), "rid", 502));

        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.MEMBER, Role.RIDER);
        assertThat(caller.memberId()).hasValue(1007);
        assertThat(caller.riderId()).hasValue(502);
    }

    @Test
    void writesWhatItReads() {
        CallerClaims nested = new CallerClaims(new IdentityProperties.Claims("sub", "baedal.roles", Map.of(),
                "baedal.member", "baedal.shops", "baedal.rider", "scope"));
        Caller shop = Caller.shop("shop-1", Set.of(1L, 2L));

        Map<String, Object> claims = new LinkedHashMap<>(nested.write(shop));
        claims.put("sub", "shop-1");

        assertThat(claims.get("baedal")).isEqualTo(Map.of("roles", List.of("SHOP"), "shops", List.of(1L, 2L)));
        assertThat(nested.read(claims)).isEqualTo(shop);
    }

    @Test
    void rejectsATokenWithoutASubject() {
        assertThatThrownBy(() -> DEFAULTS.read(Map.of("roles", List.of("OPERATOR"))))
                .isInstanceOf(CallerClaims.InvalidClaims.class);
    }

    @Test
    void rejectsAMemberWithoutItsMemberId() {
        assertThatThrownBy(() -> DEFAULTS.read(Map.of("sub", "m", "roles", List.of("MEMBER"))))
                .isInstanceOf(CallerClaims.InvalidClaims.class).hasMessageContaining("member id");
    }

    @Test
    void rejectsAnIdThatIsNoPositiveNumber() {
        assertThatThrownBy(() -> DEFAULTS.read(Map.of("sub", "m", "roles", "MEMBER", "member_id", "10O1")))
                .isInstanceOf(CallerClaims.InvalidClaims.class);
        assertThatThrownBy(() -> DEFAULTS.read(Map.of("sub", "m", "roles", "MEMBER", "member_id", -1L)))
                .isInstanceOf(CallerClaims.InvalidClaims.class);
        assertThatThrownBy(() -> DEFAULTS.read(Map.of("sub", "m", "roles", "MEMBER", "member_id", 1.5)))
                .isInstanceOf(CallerClaims.InvalidClaims.class);
    }

    @Test
    void rejectsRolesThatAreNoStrings() {
        assertThatThrownBy(() -> DEFAULTS.read(Map.of("sub", "m", "roles", List.of(1L))))
                .isInstanceOf(CallerClaims.InvalidClaims.class);
    }
}
