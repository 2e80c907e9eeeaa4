package baedal.flags;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The flags the platform's coming splits are built behind. Each belongs to the context named as owner, and moves to
 * that context's module with it.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformFlags {

    /** On: members are read through the member service's API; off (the safe default): in process, as before. */
    public static final String MEMBER_REMOTE_CALLS = "member.remote-calls";
    /** On: rider licences are verified automatically with the licensing authority; off: by hand, as before. */
    public static final String RIDER_LICENCE_AUTOMATION = "rider.licence-automation";

    @Bean
    FlagDefinition memberRemoteCallsFlag() {
        return FlagDefinition.rollout(MEMBER_REMOTE_CALLS,
                "Call the member service over the network instead of the in-process member module", "member");
    }

    @Bean
    FlagDefinition riderLicenceAutomationFlag() {
        return FlagDefinition.onOff(RIDER_LICENCE_AUTOMATION,
                "Verify rider licences automatically with the licensing authority instead of by hand", "rider");
    }
}
