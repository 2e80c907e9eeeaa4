package baedal.identity.masking;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %msg} with the personal data in it masked ({@link PersonalData#maskText}). Registered for
 * {@code m}, {@code msg} and {@code message} by {@code baedal/identity/logback-masking.xml}.
 */
public class MaskedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalData.maskText(super.convert(event));
    }
}
