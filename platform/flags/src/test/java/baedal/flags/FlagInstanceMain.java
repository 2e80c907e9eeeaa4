package baedal.flags;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.MutableContext;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An app instance of the flags in a process of its own ({@link FlagProcess} starts it), driven over its standard
 * input: {@code version <key>} answers the version it runs, {@code eval <key> <n>} what it answers to members 1…n
 * (a string of 0 and 1), {@code quit} stops it.
 */
final class FlagInstanceMain {

    static final String STARTED = "flags instance started";

    private FlagInstanceMain() {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FlagsTestApplication.class)
                .web(WebApplicationType.NONE).run(args);
        LiveFlags live = context.getBean(LiveFlags.class);
        Client client = context.getBean(Client.class);
        FlagRuntime runtime = context.getBean(FlagRuntime.class);
        System.out.println(STARTED);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.trim().split(" ");
            switch (words[0]) {
                case "source" -> System.out.println("source " + runtime.loadedFrom());
                case "version" -> System.out.println("version " + words[1] + " " + live.state(words[1]).version());
                case "eval" -> {
                    StringBuilder answers = new StringBuilder();
                    for (int member = 1; member <= Integer.parseInt(words[2]); member++) {
                        answers.append(client.getBooleanValue(words[1], false, new MutableContext("member-" + member)) ? '1' : '0');
                    }
                    System.out.println("eval " + words[1] + " " + answers);
                }
                case "quit" -> {
                    context.close();
                    System.out.println("quit");
                    System.out.flush();
                    System.exit(0);
                }
                default -> System.out.println("unknown " + line);
            }
            System.out.flush();
        }
        context.close();
    }
}
