package baedal.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies that declare a length above {@code baedal.web.max-request-size} (default 64 KB)
 * before anything reads them, with a 413 problem+json. The largest valid order (50 lines, 20 options each, long texts) is
 * far below that, so only abuse is refused, and it never costs the parser or the database anything.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;

    RequestSizeLimit(@Value("${baedal.web.max-request-size:64KB}") DataSize maxRequestSize) {
        this.maxBytes = maxRequestSize.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"" + Problems.TYPE_BASE + "request-too-large\","
                    + "\"title\":\"Request too large\",\"status\":413,"
                    + "\"detail\":\"Request bodies are limited to " + maxBytes + " bytes.\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
