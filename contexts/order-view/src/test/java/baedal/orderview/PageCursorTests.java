package baedal.orderview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PageCursorTests {

    @Test
    void decodesWhatItEncodes() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-11-25T03:00:00.123456Z"), 1_234_002);

        PageCursor decoded = PageCursor.decode(cursor.encode());

        assertThat(decoded).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void keepsMicrosecondsAsTheDatabaseDoes() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-11-25T03:00:00.123456789Z"), 1_001);

        assertThat(PageCursor.decode(cursor.encode()).placedAt()).isEqualTo(Instant.parse("2026-11-25T03:00:00.123456Z"));
    }

    @Test
    void keepsTimesBeforeTheEpoch() {
        PageCursor cursor = new PageCursor(Instant.parse("1969-12-31T23:59:59.5Z"), 1_001);

        assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void rejectsACursorThatIsNotBase64url() {
        assertThatThrownBy(() -> PageCursor.decode("not a cursor!")).isInstanceOf(PageCursor.InvalidCursor.class);
    }

    @Test
    void rejectsACursorNotMadeByTheApi() {
        for (String plain : new String[] {"2:1:1001", "1:abc:1001", "1:1", "1:1:1001:9", "1:1:-5", "", "1::1001"}) {
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
            assertThatThrownBy(() -> PageCursor.decode(token)).as(plain).isInstanceOf(PageCursor.InvalidCursor.class);
        }
    }

    @Test
    void rejectsAnEmptyOrOverlongCursor() {
        assertThatThrownBy(() -> PageCursor.decode("")).isInstanceOf(PageCursor.InvalidCursor.class);
        assertThatThrownBy(() -> PageCursor.decode("A".repeat(65))).isInstanceOf(PageCursor.InvalidCursor.class);
    }

    @Test
    void rejectsATimeOutOfRange() {
        String token = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("1:" + Long.MAX_VALUE + "9:1001").getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> PageCursor.decode(token)).isInstanceOf(PageCursor.InvalidCursor.class);
    }
}
