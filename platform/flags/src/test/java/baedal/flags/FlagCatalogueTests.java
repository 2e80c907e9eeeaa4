package baedal.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlagCatalogueTests {

    @Test
    void listsEveryFlagByKeyWithItsSafeDefault() {
        FlagCatalogue catalogue = Flags.catalogue();
        assertThat(catalogue.all()).extracting(FlagDefinition::key).containsExactly("member.remote-calls", "rider.licence-automation");
        assertThat(catalogue.get("rider.licence-automation").safeDefault()).isFalse();
    }

    @Test
    void thePlatformDeclaresItsTwoFlagsWithTheOldPathAsDefault() {
        PlatformFlags flags = new PlatformFlags();
        FlagCatalogue catalogue = FlagCatalogue.of(flags.memberRemoteCallsFlag(), flags.riderLicenceAutomationFlag());
        assertThat(catalogue.get(PlatformFlags.MEMBER_REMOTE_CALLS).type()).isEqualTo(FlagType.ROLLOUT);
        assertThat(catalogue.get(PlatformFlags.RIDER_LICENCE_AUTOMATION).type()).isEqualTo(FlagType.ON_OFF);
        assertThat(catalogue.all()).allSatisfy(definition -> assertThat(definition.safeDefault()).isFalse());
    }

    @Test
    void rejectsAKeyDeclaredTwice() {
        assertThatIllegalStateException().isThrownBy(() -> FlagCatalogue.of(Flags.LICENCES,
                FlagDefinition.rollout("rider.licence-automation", "again", "rider"))).withMessageContaining("twice");
    }

    @Test
    void answersUnknownFlagForAKeyNotDeclared() {
        assertThatThrownBy(() -> Flags.catalogue().get("order.nothing")).isInstanceOf(UnknownFlag.class);
        assertThat(Flags.catalogue().find("order.nothing")).isEmpty();
    }

    @Test
    void rejectsAKeyThatIsNotLowerCaseWords() {
        assertThatIllegalArgumentException().isThrownBy(() -> FlagDefinition.onOff("Member.Remote", "d", "o"));
        assertThatIllegalArgumentException().isThrownBy(() -> FlagDefinition.onOff("member..remote", "d", "o"));
    }

    @Test
    void rejectsAFlagWithoutDescriptionOrOwner() {
        assertThatIllegalArgumentException().isThrownBy(() -> FlagDefinition.onOff("a.b", " ", "o"));
        assertThatIllegalArgumentException().isThrownBy(() -> FlagDefinition.onOff("a.b", "d", ""));
    }
}
