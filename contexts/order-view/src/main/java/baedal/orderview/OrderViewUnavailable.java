package baedal.orderview;

/** The read model's database cannot be reached (or is not migrated yet); reads answer 503, the projector retries. */
public class OrderViewUnavailable extends RuntimeException {

    public OrderViewUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
