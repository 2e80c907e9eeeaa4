/**
 * Personal data masked wherever it is not needed: functions for each kind ({@link baedal.identity.masking.PersonalData})
 * and logback converters that mask every log line.
 */
@NullMarked
package baedal.identity.masking;

import org.jspecify.annotations.NullMarked;
