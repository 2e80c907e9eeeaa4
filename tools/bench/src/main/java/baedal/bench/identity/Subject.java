package baedal.bench.identity;

import java.util.List;

/**
 * Someone the harness acts as, described as the platform's identity module reads a token: the subject ({@code sub}),
 * the roles ({@code roles}) and the ids the roles need ({@code member_id}, {@code shop_ids}, {@code rider_id}; see
 * {@code baedal.identity.claims.*}). The names are those of the embedded issuer's demo accounts:
 * {@code member-<id>}, {@code shop-<id>}, {@code rider-<id>}, {@code operator}.
 *
 * @param name     the token's subject
 * @param role     its one role: {@code MEMBER}, {@code SHOP}, {@code RIDER} or {@code OPERATOR}
 * @param memberId the member id of a MEMBER, else 0
 * @param shopIds  the shops a SHOP owns, else empty
 * @param riderId  the rider id of a RIDER, else 0
 */
public record Subject(String name, String role, long memberId, List<Long> shopIds, long riderId) {

    public static final String MEMBER = "MEMBER";
    public static final String SHOP = "SHOP";
    public static final String RIDER = "RIDER";
    public static final String OPERATOR = "OPERATOR";

    public Subject {
        shopIds = List.copyOf(shopIds);
    }

    public static Subject member(long memberId) {
        return new Subject("member-" + positive(memberId), MEMBER, memberId, List.of(), 0);
    }

    /** The owner of shop {@code shopId}. */
    public static Subject shop(long shopId) {
        return new Subject("shop-" + positive(shopId), SHOP, 0, List.of(shopId), 0);
    }

    public static Subject rider(long riderId) {
        return new Subject("rider-" + positive(riderId), RIDER, 0, List.of(), riderId);
    }

    public static Subject operator() {
        return new Subject("operator", OPERATOR, 0, List.of(), 0);
    }

    public boolean isOperator() {
        return OPERATOR.equals(role);
    }

    private static long positive(long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("ids are positive: " + id);
        }
        return id;
    }
}
