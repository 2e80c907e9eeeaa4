package baedal.identity.masking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTests {

    @Test
    void masksAPhoneNumberButItsCarrierCodeAndLastFourDigits() {
        assertThat(PersonalData.maskPhone("010-1234-5678")).isEqualTo("010-****-5678");
        assertThat(PersonalData.maskPhone("01012345678")).isEqualTo("010-****-5678");
        assertThat(PersonalData.maskPhone("02-123-4567")).isEqualTo("02-****-4567");
        assertThat(PersonalData.maskPhone("12345")).isEqualTo(PersonalData.HIDDEN);
    }

    @Test
    void masksAResidentNumberButTheBirthDateAndTheSexDigit() {
        assertThat(PersonalData.maskResidentNumber("900101-1234567")).isEqualTo("900101-1******");
        assertThat(PersonalData.maskResidentNumber("9001012234567")).isEqualTo("900101-2******");
        assertThat(PersonalData.maskResidentNumber("9001")).isEqualTo("******-*******");
    }

    @Test
    void masksALicenceNumberButTheRegionAndTheYear() {
        assertThat(PersonalData.maskLicenceNumber("11-17-123456-01")).isEqualTo("11-17-******-**");
        assertThat(PersonalData.maskLicenceNumber("서울 17-123456-01")).isEqualTo("서울 17-******-**");
        assertThat(PersonalData.maskLicenceNumber("nonsense")).isEqualTo("**-**-******-**");
    }

    @Test
    void hidesAnAddressDetailAndATokenWhole() {
        assertThat(PersonalData.maskAddressDetail("101동 1203호")).isEqualTo("****");
        assertThat(PersonalData.maskToken("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")).isEqualTo("Bearer ****");
        assertThat(PersonalData.maskToken("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")).isEqualTo("****");
    }

    @Test
    void masksEveryKindInFreeText() {
        String line = "rider 501 called from 010-9876-5432 (home 02 555 1234), RRN 900101-1234567, licence "
                + "11-17-123456-01, header Authorization: Bearer abc.def-ghi, delivered to {\"road\":\"테헤란로 152\","
                + "\"detail\":\"12층 1203호\",\"zipCode\":\"06236\"}, Address[road=테헤란로, detail=101동 1203호, zipCode=06236]";

        String masked = PersonalData.maskText(line);

        assertThat(masked).doesNotContain("9876", "555 1234", "1234567", "123456-01", "abc.def-ghi",
                "12층", "1203호");
        assertThat(masked).contains("010-****-5432", "02-****-1234", "900101-1******",
                "11-17-******-**", "Bearer ****", "\"detail\":\"****\"", "detail=****", "rider 501", "06236",
                "테헤란로 152");
    }

    @Test
    void masksJwtsAndCredentialFieldsWhereverTheyAppear() {
        String jwt = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJtZW1iZXItMTAwMSJ9.c2lnbmF0dXJlLXBhcnQ";

        String masked = PersonalData.maskText("{\"access_token\":\"" + jwt + "\",\"token_type\":\"Bearer\"} "
                + "grant_type=password&username=member-1001&password=hunter2 client_secret=s3cr3t token " + jwt);

        assertThat(masked).doesNotContain(jwt, "eyJzdWIi", "password=hunter2", "s3cr3t");
        assertThat(masked).contains("\"access_token\":\"****\"", "password=****", "grant_type=password",
                "username=member-1001", "\"token_type\":\"Bearer\"");
    }

    @Test
    void leavesTheDemoAccountsPublishedPasswordReadable() {
        String banner = "curl -s -u baedal-cli: -d grant_type=password -d username=member-1001 -d password=demo "
                + "http://localhost:8080/oauth2/token";

        assertThat(PersonalData.maskText(banner)).isEqualTo(banner);
        assertThat(PersonalData.maskText("password=demo2 password=\"demo\"")).isEqualTo("password=**** password=\"demo\"");
    }

    @Test
    void leavesOrderNumbersAmountsAndTimesAlone() {
        String line = "order 1234567000002 placed on shard 2 for 59500 won at 2024-05-01T12:30:00Z, member 1001, "
                + "version 3, trace 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        assertThat(PersonalData.maskText(line)).isEqualTo(line);
    }

    @Test
    void masksAMobileNumberWithoutSeparators() {
        assertThat(PersonalData.maskText("phone=01012345678;")).isEqualTo("phone=010-****-5678;");
    }
}
