package baedal.identity.web;

import baedal.identity.Caller;
import baedal.identity.Callers;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a controller method's {@link Caller} parameter to the authenticated caller. On a public route without a
 * token there is none: the request is answered 401 (declare no {@code Caller} parameter on a route anyone may call,
 * or call {@link Callers#current()}).
 */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Caller.class);
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return Callers.current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException(
                ProblemAuthenticationEntryPoint.TOKEN_NEEDED));
    }
}
