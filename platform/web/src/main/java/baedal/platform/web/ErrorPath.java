package baedal.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Spring Boot's error path ({@code /error}, where the servlet container forwards every error it has a status or
 * an exception for: a {@code sendError}, an exception escaping a filter, a request Tomcat refused but could still
 * map) answered as problem+json, whatever the client accepts — instead of Boot's {@code BasicErrorController},
 * which answers JSON of its own shape or HTML. The body is written directly, so content negotiation can never
 * turn an error into a second error. A request for the path itself is a plain 404.
 */
@Controller
class ErrorPath implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null && status < 400) {
            status = 500;
        }
        String reason = request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String message ? message : null;
        write(response, status, reason);
    }

    static void write(HttpServletResponse response, int status, String reason) throws IOException {
        byte[] body = Problems.body(status, reason);
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
