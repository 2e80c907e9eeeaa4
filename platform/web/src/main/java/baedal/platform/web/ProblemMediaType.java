package baedal.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem body is sent as {@code application/problem+json}, by every advice of every context: Spring
 * picks {@code application/json} for a {@link ProblemDetail} when the client accepts JSON (e.g. a 405 to
 * {@code Accept: application/json}); the content type set here before the body is written is the one sent.
 */
@ControllerAdvice
class ProblemMediaType implements ResponseBodyAdvice<Object> {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail && !PROBLEM_JSON.equalsTypeAndSubtype(selectedContentType)) {
            response.getHeaders().setContentType(PROBLEM_JSON);
        }
        return body;
    }
}
