package baedal.bench.identity;

import java.util.List;
import java.util.stream.LongStream;

/**
 * Whom the traffic may act as. The harness's own issuer signs tokens for anyone, so the traffic uses the ids it
 * generates (thousands of members, every listed shop, a rider per trip). A target's embedded issuer only signs in its
 * demo accounts, so the traffic is then mapped onto them: every member id onto one of the demo members, every rider
 * onto one of the demo riders, and only the demo shops are ordered from.
 *
 * @param members the member ids the traffic may use (empty: any)
 * @param shops   the shops it may order from (empty: any)
 * @param riders  the rider ids it may use (empty: any)
 */
public record Population(List<Long> members, List<Long> shops, List<Long> riders) {

    public Population {
        members = List.copyOf(members);
        shops = List.copyOf(shops);
        riders = List.copyOf(riders);
    }

    /** Anyone: the harness's own issuer. */
    public static Population anyone() {
        return new Population(List.of(), List.of(), List.of());
    }

    /** The embedded issuer's default demo accounts: members 1001–1010, shops 1–3, riders 501–510. */
    public static Population demoAccounts() {
        return new Population(LongStream.rangeClosed(1001, 1010).boxed().toList(), List.of(1L, 2L, 3L),
                LongStream.rangeClosed(501, 510).boxed().toList());
    }

    public boolean restricted() {
        return !members.isEmpty() || !shops.isEmpty() || !riders.isEmpty();
    }

    /** The member the traffic acts as for a generated member id. */
    public long member(long memberId) {
        return members.isEmpty() ? memberId : members.get((int) Math.floorMod(memberId, (long) members.size()));
    }

    /** Whether the traffic may order from (and act as the owner of) {@code shopId}. */
    public boolean servesShop(long shopId) {
        return shops.isEmpty() || shops.contains(shopId);
    }

    /** The rider the traffic acts as for a simulated rider. */
    public long rider(long riderId) {
        return riders.isEmpty() ? riderId : riders.get((int) Math.floorMod(riderId, (long) riders.size()));
    }

    /** For the log. */
    public String describe() {
        if (!restricted()) {
            return "any member, shop and rider";
        }
        return "members " + members + ", shops " + shops + ", riders " + riders;
    }
}
