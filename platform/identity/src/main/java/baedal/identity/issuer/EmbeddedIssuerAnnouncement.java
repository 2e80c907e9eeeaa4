package baedal.identity.issuer;

import baedal.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/** Says at startup where the embedded issuer is and how a script gets a demo token. */
final class EmbeddedIssuerAnnouncement implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedIssuerAnnouncement.class);

    private final IdentityProperties.Issuer issuer;

    private final DemoAccounts accounts;

    EmbeddedIssuerAnnouncement(IdentityProperties.Issuer issuer, DemoAccounts accounts) {
        this.issuer = issuer;
        this.accounts = accounts;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        String base = issuer.uri() != null ? issuer.uri().toString() : "http://localhost:" + port;
        String password = issuer.demo().password().equals("demo") ? "demo" : "<baedal.identity.issuer.demo.password>";
        String example = accounts.usernames().contains("member-1001") ? "member-1001" : "operator";
        log.info("Embedded issuer at {} ({}/.well-known/openid-configuration); demo accounts {}, password '{}'. "
                + "A token: curl -s -u {}: -d grant_type=password -d username={} -d password={} {}/oauth2/token",
                base, base, accounts.summary(), password, PasswordGrant.CLI_CLIENT_ID, example, password, base);
    }
}
