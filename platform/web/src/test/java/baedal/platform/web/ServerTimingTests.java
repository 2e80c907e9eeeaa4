package baedal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ServerTimingTests {

    @Test
    void writesTheDurationInMillisecondsWithThreeDecimals() {
        assertThat(ServerTiming.value(1_234_567)).isEqualTo("app;dur=1.234");
        assertThat(ServerTiming.value(5_000)).isEqualTo("app;dur=0.005");
        assertThat(ServerTiming.value(45_000)).isEqualTo("app;dur=0.045");
        assertThat(ServerTiming.value(120_000_000)).isEqualTo("app;dur=120.000");
        assertThat(ServerTiming.value(-1)).isEqualTo("app;dur=0.000");
    }

    @Test
    void stampsTheHeaderBeforeTheBodyIsWritten() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        String[] seenWhenWriting = new String[1];
        MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse wrapped) throws java.io.IOException {
                wrapped.getOutputStream().write('x');
                seenWhenWriting[0] = response.getHeader(ServerTiming.HEADER);
                wrapped.setHeader(ServerTiming.HEADER, "too late");
            }
        });

        new ServerTiming().doFilter(new MockHttpServletRequest("GET", "/api/orders/1"), response, chain);

        assertThat(seenWhenWriting[0]).matches("app;dur=\\d+\\.\\d{3}");
    }

    @Test
    void stampsAResponseWithoutBody() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        new ServerTiming().doFilter(new MockHttpServletRequest("GET", "/"), response, new MockFilterChain());

        assertThat(response.getHeader(ServerTiming.HEADER)).matches("app;dur=\\d+\\.\\d{3}");
    }
}
