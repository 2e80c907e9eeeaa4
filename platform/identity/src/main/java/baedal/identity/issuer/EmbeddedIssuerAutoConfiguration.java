package baedal.identity.issuer;

import baedal.identity.IdentityProperties;
import baedal.identity.token.CallerClaims;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
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
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The embedded issuer, when {@link IdentityProperties#embeddedIssuerEnabled this process runs it}: Spring
 * Authorization Server on the platform's port (OIDC discovery at {@code /.well-known/openid-configuration}, keys at
 * {@code /oauth2/jwks}, tokens at {@code /oauth2/token}, browser sign-in through {@code /oauth2/authorize} and the
 * form login page at {@code /login}), signing with the key kept under the data folder; and the resource server's
 * {@link JwtDecoder}, which trusts that key only, this issuer only and baedal's audience only.
 */
@AutoConfiguration(before = {OAuth2AuthorizationServerAutoConfiguration.class,
        OAuth2AuthorizationServerJwtAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
        SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Conditional(OnEmbeddedIssuer.class)
@EnableConfigurationProperties(IdentityProperties.class)
public final class EmbeddedIssuerAutoConfiguration {

    /** Before every other chain: the issuer's own endpoints. */
    static final int ISSUER_CHAIN_ORDER = Ordered.HIGHEST_PRECEDENCE;

    /** Then the sign-in page of the browser flow. */
    static final int LOGIN_CHAIN_ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    private final IdentityProperties properties;

    EmbeddedIssuerAutoConfiguration(IdentityProperties properties) {
        this.properties = properties;
    }

    @Bean
    RSAKey baedalSigningKey(Environment environment) {
        return SigningKeyFile.loadOrCreate(properties.resolvedDataDir(environment));
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(RSAKey baedalSigningKey) {
        return new ImmutableJWKSet<>(new JWKSet(baedalSigningKey));
    }

    @Bean
    JwtDecoder jwtDecoder(RSAKey baedalSigningKey, ObjectProvider<OAuth2TokenValidator<Jwt>> validators)
            throws JOSEException {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(baedalSigningKey.toRSAPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
        checks.add(new IssuerValidator(properties.issuer().uri() == null ? null : properties.issuer().uri().toString()));
        validators.orderedStream().forEach(checks::add);
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(checks));
        return decoder;
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (properties.issuer().uri() != null) {
            settings.issuer(properties.issuer().uri().toString());
        }
        return settings.build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository() {
        return new InMemoryRegisteredClientRepository(DemoClients.of(properties.issuer()));
    }

    @Bean
    DemoAccounts demoAccounts() {
        return new DemoAccounts(properties.issuer().demo());
    }

    @Bean
    OAuth2TokenGenerator<OAuth2Token> baedalTokenGenerator(JWKSource<SecurityContext> jwkSource,
            DemoAccounts demoAccounts) {
        JwtGenerator jwts = new JwtGenerator(new NimbusJwtEncoder(jwkSource));
        jwts.setJwtCustomizer(new CallerTokenCustomizer(demoAccounts, new CallerClaims(properties.claims()),
                properties.audience()));
        return new DelegatingOAuth2TokenGenerator(jwts, new OAuth2AccessTokenGenerator(),
                new OAuth2RefreshTokenGenerator());
    }

    @Bean
    @Order(ISSUER_CHAIN_ORDER)
    SecurityFilterChain baedalIssuerSecurityFilterChain(HttpSecurity http, RegisteredClientRepository clients,
            DemoAccounts demoAccounts, OAuth2TokenGenerator<OAuth2Token> baedalTokenGenerator) {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.tokenEndpoint(token -> token
                    .accessTokenRequestConverter(new PasswordGrantAuthenticationConverter())
                    .authenticationProvider(new PasswordGrantAuthenticationProvider(demoAccounts, baedalTokenGenerator)));
            server.clientAuthentication(client -> client
                    .authenticationConverters(converters -> converters.addFirst(new CliClientAuthenticationConverter()))
                    .authenticationProviders(providers -> providers.addFirst(new CliClientAuthenticationProvider(clients))));
            server.oidc(oidc -> oidc.providerConfigurationEndpoint(discovery -> discovery
                    .providerConfigurationCustomizer(configuration -> configuration
                            .grantType(PasswordGrant.TYPE.getValue()))));
            server.authorizationServerMetadataEndpoint(metadata -> metadata
                    .authorizationServerMetadataCustomizer(configuration -> configuration
                            .grantType(PasswordGrant.TYPE.getValue())));
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        http.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        http.exceptionHandling(exceptions -> exceptions
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browsers));
        return http.build();
    }

    /** The form login of the browser flow (authorization code + PKCE), Spring Security's own page. */
    @Bean
    @Order(LOGIN_CHAIN_ORDER)
    SecurityFilterChain baedalLoginSecurityFilterChain(HttpSecurity http) {
        http.securityMatcher("/login", "/logout", "/default-ui.css");
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        http.formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    EmbeddedIssuerAnnouncement embeddedIssuerAnnouncement(DemoAccounts demoAccounts) {
        return new EmbeddedIssuerAnnouncement(properties.issuer(), demoAccounts);
    }
}
