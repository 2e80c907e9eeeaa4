package baedal.identity.web;

import baedal.identity.IdentityProperties;
import baedal.identity.Role;
import baedal.identity.RouteRules;
import baedal.identity.RouteTable;
import baedal.identity.token.AudienceValidator;
import baedal.identity.token.CallerClaims;
import baedal.identity.token.CallerTokenConverter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The resource server: every request that the embedded issuer's own endpoints do not take is authenticated by its
 * bearer token (JWT) and authorized by the {@link RouteTable} merged from every module's {@link RouteRules} beans —
 * deny by default. Answers without a valid token are 401 with {@code WWW-Authenticate} and a problem body, answers
 * to a caller that may not call the route 403 with a problem body. Stateless: no session, no CSRF (no cookies
 * authenticate an API call).
 * <p>
 * Which tokens are valid is the {@link org.springframework.security.oauth2.jwt.JwtDecoder}'s business: the embedded
 * issuer's (its key, its issuer, baedal's audience), or, in external mode, Spring Boot's from
 * {@code spring.security.oauth2.resourceserver.jwt.*}, with baedal's audience check added.
 */
@AutoConfiguration(before = {OAuth2AuthorizationServerAutoConfiguration.class,
        OAuth2AuthorizationServerJwtAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
        SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(IdentityProperties.class)
public final class IdentityWebSecurityAutoConfiguration {

    /** After the embedded issuer's chains; it takes every request they do not. */
    static final int API_CHAIN_ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    static final String REALM = "baedal";

    private static final Logger log = LoggerFactory.getLogger(IdentityWebSecurityAutoConfiguration.class);

    private final IdentityProperties properties;

    IdentityWebSecurityAutoConfiguration(IdentityProperties properties) {
        this.properties = properties;
    }

    @Bean
    CallerClaims callerClaims() {
        return new CallerClaims(properties.claims());
    }

    /** baedal's audience check, which every decoder applies (Spring Boot's adds validator beans to its own). */
    @Bean
    OAuth2TokenValidator<Jwt> baedalAudienceValidator() {
        if (properties.audience().isBlank()) {
            log.warn("baedal.identity.audience is blank: tokens issued for any audience are accepted");
            return token -> OAuth2TokenValidatorResult.success();
        }
        return new AudienceValidator(properties.audience());
    }

    /** {@code /actuator/health} public (details for operators only), every other actuator endpoint operators only. */
    @Bean
    RouteRules actuatorRouteRules(Environment environment) {
        String base = environment.getProperty("management.endpoints.web.base-path", "/actuator");
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return RouteRules.of("actuator")
                .permitAll(null, root + "/health", root + "/health/**")
                .allow(null, root.isEmpty() ? "/**" : root + "/**", Role.OPERATOR)
                .build();
    }

    /** The identity module's own endpoint: the operators' audit trail. */
    @Bean
    RouteRules identityRouteRules() {
        return RouteRules.of("identity")
                .allow(HttpMethod.GET, "/api/operator/audit", Role.OPERATOR)
                .build();
    }

    @Bean
    RouteTable routeTable(ObjectProvider<RouteRules> contributions) {
        RouteTable table = RouteTable.merge(contributions.orderedStream().toList());
        log.debug("Route rules, most specific first:\n{}", table);
        return table;
    }

    @Bean
    @Order(API_CHAIN_ORDER)
    SecurityFilterChain baedalApiSecurityFilterChain(HttpSecurity http, RouteTable routeTable,
            CallerClaims callerClaims, Environment environment,
            ObjectProvider<PathPatternRequestMatcher.Builder> matchers) {
        if (!IdentityProperties.embeddedIssuerEnabled(environment)
                && !IdentityProperties.externalIssuerConfigured(environment)) {
            throw new IllegalStateException("No issuer to trust: the embedded issuer is off, so set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri (OIDC discovery) or .jwk-set-uri to the "
                    + "issuer whose tokens the platform accepts, or turn the embedded issuer on with "
                    + "baedal.identity.issuer.enabled=true");
        }
        ProblemAuthenticationEntryPoint unauthorized = new ProblemAuthenticationEntryPoint(REALM);
        ProblemAccessDeniedHandler forbidden = new ProblemAccessDeniedHandler(REALM);
        http.csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .authorizeHttpRequests(new RouteAuthorization(routeTable,
                        matchers.getIfAvailable(PathPatternRequestMatcher::withDefaults)))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerTokenConverter(callerClaims)))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden));
        return http.build();
    }

    @Bean
    WebMvcConfigurer callerArgumentConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityProblemHandling securityProblemHandling() {
        return new SecurityProblemHandling();
    }
}
