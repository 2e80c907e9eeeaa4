package baedal.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells every client how long the server took: a {@code Server-Timing: app;dur=<ms>} header (W3C Server Timing)
 * with the time from the request entering the application to the response's body starting, i.e. the handler's
 * work without the network and the client's own queueing. Benchmarks read it to measure server time from a
 * client that shares the machine; browsers show it in their developer tools.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ServerTiming extends OncePerRequestFilter {

    static final String HEADER = "Server-Timing";

    /**
     * Also on the error path: an error the servlet container found before the application ran (forwarded to
     * {@code /error}) gets the header too, timed from the forward; one the application made already has it.
     */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR && response.containsHeader(HEADER)) {
            chain.doFilter(request, response);
            return;
        }
        Timed timed = new Timed(response, System.nanoTime());
        chain.doFilter(request, timed);
        timed.stamp();
    }

    /** {@code app;dur=<ms with three decimals>}, built without {@code String.format} (it runs on every request). */
    static String value(long nanos) {
        long micros = Math.max(0, nanos / 1_000);
        long fraction = micros % 1_000;
        return "app;dur=" + micros / 1_000 + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }

    /** Adds the header once, just before anything could commit the response. */
    private static final class Timed extends HttpServletResponseWrapper {

        private final long startedAt;
        private boolean stamped;

        Timed(HttpServletResponse response, long startedAt) {
            super(response);
            this.startedAt = startedAt;
        }

        void stamp() {
            if (stamped) {
                return;
            }
            stamped = true;
            if (!isCommitted()) {
                setHeader(HEADER, value(System.nanoTime() - startedAt));
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            stamp();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            stamp();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            stamp();
            super.flushBuffer();
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            stamp();
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            stamp();
            super.sendError(status);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            stamp();
            super.sendRedirect(location);
        }
    }
}
