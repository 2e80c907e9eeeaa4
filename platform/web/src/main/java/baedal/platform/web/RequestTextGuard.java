package baedal.platform.web;

import baedal.kernel.Violations;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Applies {@link TextInput} to every query parameter (name and value) and path variable of every request a
 * controller handles, before the controller runs: a control character there (e.g. {@code ?cursor=%00}) or a
 * malformed percent-encoding is an {@code invalid-request} naming the parameter, all of them at once. They are
 * names, ids, dates and tokens, never free text, so not even a line break is allowed. (Tomcat itself refuses
 * {@code %00} and an encoded slash in the path, and control characters in headers, before Spring sees them; those
 * errors are problem+json too, see {@link TomcatProblems}.)
 */
@Component
class RequestTextGuard implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            return true; // rendering an error already found
        }
        Violations violations = new Violations();
        String query = request.getQueryString();
        if (query != null && !query.isEmpty()) {
            checkQuery(query, violations);
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            for (Map.Entry<?, ?> variable : variables.entrySet()) {
                if (variable.getValue() instanceof String value) {
                    check(String.valueOf(variable.getKey()), value, violations);
                }
            }
        }
        violations.throwIfAny();
        return true;
    }

    /** Reads {@code a=1&b=%00} the way the servlet container does ({@code +} is a space), but strictly. */
    static void checkQuery(String query, Violations violations) {
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = decode(rawName);
            if (name == null) {
                violations.add(TextInput.escaped(rawName), "has a malformed percent-encoding");
                continue;
            }
            String nameProblem = TextInput.problemInLine(name);
            if (nameProblem != null) {
                violations.add(TextInput.escaped(name), "is not a valid parameter name: it " + nameProblem);
                continue;
            }
            if (equals >= 0) {
                String value = decode(pair.substring(equals + 1));
                if (value == null) {
                    violations.add(name, "has a malformed percent-encoding");
                } else {
                    check(name, value, violations);
                }
            }
        }
    }

    private static void check(String name, String value, Violations violations) {
        String problem = TextInput.problemInLine(value);
        if (problem != null) {
            violations.add(TextInput.escaped(name), problem);
        }
    }

    /** Percent-decodes UTF-8 ({@code +} = space); {@code null} for a broken escape. */
    static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 3;
            } else if (c == '+') {
                bytes.write(' ');
                i++;
            } else {
                int end = i;
                while (end < text.length() && text.charAt(end) != '%' && text.charAt(end) != '+') {
                    end++;
                }
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
