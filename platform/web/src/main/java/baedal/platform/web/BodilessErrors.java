package baedal.platform.web;

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
 * An error status set without a body — {@code ResponseEntity.notFound().build()}, or an actuator endpoint's 404 for
 * a metric or health group that does not exist — becomes a problem+json of that status: instead of committing an
 * empty response, it is sent as an error, which the error path ({@link ErrorPath}) answers. Responses with a body,
 * and errors already sent as such, are left as they are.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodilessErrors extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Watched watched = new Watched(response);
        chain.doFilter(request, watched);
        if (request.isAsyncStarted()) {
            return;
        }
        if (watched.bodiless() && !response.isCommitted()) {
            response.sendError(response.getStatus());
        } else if (watched.flushDeferred) {
            response.flushBuffer();
        }
    }

    /** Notes whether a body was started or an error sent, and holds back a flush that would commit a bodiless error. */
    private static final class Watched extends HttpServletResponseWrapper {

        private boolean bodyStarted;
        private boolean errorSent;
        private boolean flushDeferred;

        Watched(HttpServletResponse response) {
            super(response);
        }

        boolean bodiless() {
            return getStatus() >= 400 && !bodyStarted && !errorSent;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            bodyStarted = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            bodyStarted = true;
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            if (bodiless()) {
                flushDeferred = true;
                return;
            }
            super.flushBuffer();
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            errorSent = true;
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            errorSent = true;
            super.sendError(status);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            errorSent = true;
            super.sendRedirect(location);
        }
    }
}
