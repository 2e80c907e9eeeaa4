package baedal.flags.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import baedal.flags.FlagAdministrations;
import baedal.platform.web.ProblemHandling;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class FlagOperatorApiTests {

    @Test
    void aChangeWhileTheFlagsDatabaseIsDownIs503() throws Exception {
        MockMvc api = MockMvcBuilders.standaloneSetup(FlagOperatorController.over(FlagAdministrations.withTheDatabaseDown()))
                .setControllerAdvice(new FlagProblems(), new ProblemHandling())
                .setCustomArgumentResolvers(new FlagOperatorApiIntegrationTests.OperatorKim())
                .build();
        api.perform(put("/api/operator/flags/rider.licence-automation").contentType(MediaType.APPLICATION_JSON)
                        .header("If-Match", "\"0\"").content("{\"enabled\": true, \"reason\": \"now\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("https://baedal.io/problems/flags-unavailable"));
    }

    @Test
    void onAnInstanceWithoutTheFlagsDatabaseTheApiIs503() throws Exception {
        MockMvc api = MockMvcBuilders.standaloneSetup(new FlagOperatorController(
                        new org.springframework.beans.factory.support.StaticListableBeanFactory()
                                .getBeanProvider(baedal.flags.FlagAdministration.class)))
                .setControllerAdvice(new FlagProblems(), new ProblemHandling())
                .setCustomArgumentResolvers(new FlagOperatorApiIntegrationTests.OperatorKim())
                .build();
        api.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/operator/flags"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("https://baedal.io/problems/flags-unavailable"));
    }
}
