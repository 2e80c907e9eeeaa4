package baedal.identity.masking;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's {@code %wEx} (a stack trace with the packaging data, set off by blank lines) with the personal data
 * in the exceptions' messages masked. Registered for the throwable conversion words by
 * {@code baedal/identity/logback-masking.xml}.
 */
public class MaskedThrowableProxyConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return PersonalData.maskText(super.throwableProxyToString(throwable));
    }
}
