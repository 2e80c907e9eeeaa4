package baedal.order;

/**
 * Where the order goes: a road-name address (도로명 주소), the detail (동/호), the five-digit postal code
 * (우편번호), and the coordinates a rider navigates to.
 */
public record DeliveryAddress(String road, String detail, String zipCode, double lat, double lng) {
    public DeliveryAddress {
        if (road == null || road.isBlank()) {
            throw new IllegalArgumentException("road address is required");
        }
        detail = detail == null ? "" : detail;
        if (zipCode == null || !zipCode.matches("\\d{5}")) {
            throw new IllegalArgumentException("zip code must be five digits: " + zipCode);
        }
        if (lat < -90 || lat > 90 || lng < -180 || lng > 180) {
            throw new IllegalArgumentException("coordinates out of range: " + lat + ", " + lng);
        }
    }
}
