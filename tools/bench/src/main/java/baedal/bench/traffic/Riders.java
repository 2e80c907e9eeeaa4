package baedal.bench.traffic;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The simulated riders: a rider dispatched to a shop takes further orders of that shop until it has
 * {@code capacity} or leaves with them (the first pick-up); once every order of a trip is delivered the rider is
 * free again. Thread-safe.
 */
public final class Riders {
    static final long FIRST_RIDER = 70_001;

    private static final class Trip {
        final long rider;
        final long shopId;
        int assigned;
        int delivered;
        boolean departed;

        Trip(long rider, long shopId) {
            this.rider = rider;
            this.shopId = shopId;
        }
    }

    private final int capacity;
    private final Map<Long, Trip> boarding = new HashMap<>();
    private final Map<Long, Trip> trips = new HashMap<>();
    private final ArrayDeque<Long> free = new ArrayDeque<>();
    private long nextRider = FIRST_RIDER;
    private long tripsDeparted;
    private long ordersDeparted;
    private int mostAtOnce;

    Riders(int capacity) {
        this.capacity = capacity;
    }

    synchronized long assign(long shopId) {
        Trip trip = boarding.get(shopId);
        if (trip == null || trip.departed || trip.assigned >= capacity) {
            long rider = free.isEmpty() ? nextRider++ : free.pop();
            trip = new Trip(rider, shopId);
            boarding.put(shopId, trip);
            trips.put(rider, trip);
        }
        trip.assigned++;
        return trip.rider;
    }

    synchronized void pickedUp(long rider) {
        Trip trip = trips.get(rider);
        if (trip != null && !trip.departed) {
            trip.departed = true;
            boarding.remove(trip.shopId, trip);
            tripsDeparted++;
            ordersDeparted += trip.assigned;
            mostAtOnce = Math.max(mostAtOnce, trip.assigned);
        }
    }

    synchronized void delivered(long rider) {
        Trip trip = trips.get(rider);
        if (trip != null && ++trip.delivered >= trip.assigned && trip.departed) {
            trips.remove(rider);
            free.push(rider);
        }
    }

    /** Riders that ever worked, trips that left a shop, mean and largest orders carried on one trip. */
    public synchronized double[] summary() {
        return new double[] {nextRider - FIRST_RIDER, tripsDeparted,
                tripsDeparted == 0 ? 0 : (double) ordersDeparted / tripsDeparted, mostAtOnce};
    }
}
