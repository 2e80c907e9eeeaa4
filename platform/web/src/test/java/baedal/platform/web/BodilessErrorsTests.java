package baedal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BodilessErrorsTests {

    private interface Handler {
        void handle(HttpServletResponse response) throws IOException;
    }

    private static MockHttpServletResponse run(Handler handler) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new BodilessErrors().doFilter(new MockHttpServletRequest("GET", "/actuator/metrics/nope"), response,
                new MockFilterChain(new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse wrapped) throws IOException {
                        handler.handle(wrapped);
                    }
                }));
        return response;
    }

    @Test
    void sendsAnErrorStatusWithoutABodyAsAnErrorForTheErrorPathToAnswer() throws Exception {
        MockHttpServletResponse response = run(wrapped -> {
            wrapped.setStatus(404);
            wrapped.flushBuffer(); // what Spring does for a ResponseEntity without a body
        });

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.isCommitted()).isTrue();
        assertThat(response.getErrorMessage()).isNull();
        assertThat(response.getForwardedUrl()).isNull();
    }

    @Test
    void leavesErrorsWithABodyAndErrorsAlreadySentAlone() throws Exception {
        MockHttpServletResponse withBody = run(wrapped -> {
            wrapped.setStatus(409);
            wrapped.getWriter().write("{\"type\":\"x\"}");
        });
        assertThat(withBody.getContentAsString()).isEqualTo("{\"type\":\"x\"}");

        MockHttpServletResponse sent = run(wrapped -> wrapped.sendError(418, "teapot"));
        assertThat(sent.getErrorMessage()).isEqualTo("teapot");
    }

    @Test
    void flushesSuccessfulResponsesAsAsked() throws Exception {
        MockHttpServletResponse response = run(wrapped -> {
            wrapped.setStatus(204);
            wrapped.flushBuffer();
        });

        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(response.isCommitted()).isTrue();
    }
}
