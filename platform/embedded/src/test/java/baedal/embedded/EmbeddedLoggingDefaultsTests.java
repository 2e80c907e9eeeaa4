package baedal.embedded;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default's logging levels: quiet third parties, below everything the user sets. */
class EmbeddedLoggingDefaultsTests {

	private static Map<String, String> levels(StandardEnvironment environment) {
		return Binder.get(environment).bind("logging.level", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
	}

	@Test
	void quietsTheThirdPartiesThatTalkDuringStartup() {
		StandardEnvironment environment = new StandardEnvironment();

		EmbeddedPlatformEnvironmentPostProcessor.addLoggingDefaults(environment);

		assertThat(levels(environment)).containsEntry("kafka", "WARN")
			.containsEntry("org.apache.kafka", "WARN")
			.containsEntry("state.change.logger", "WARN")
			.containsEntry("io.zonky", "WARN")
			.containsEntry("org.flywaydb", "WARN")
			.containsEntry("com.zaxxer.hikari", "WARN")
			.doesNotContainKey("baedal");
	}

	@Test
	void letsAnythingTheUserSetsWin() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addLast(new MapPropertySource("applicationConfig", Map.of("logging.level.kafka", "INFO",
					"logging.level.org.flywaydb", "DEBUG")));

		EmbeddedPlatformEnvironmentPostProcessor.addLoggingDefaults(environment);
		EmbeddedPlatformEnvironmentPostProcessor.addLoggingDefaults(environment);

		assertThat(levels(environment)).containsEntry("kafka", "INFO")
			.containsEntry("org.flywaydb", "DEBUG")
			.containsEntry("org.apache.kafka", "WARN");
		assertThat(environment.getPropertySources().stream()
			.filter(source -> source.getName().equals(EmbeddedPlatformEnvironmentPostProcessor.LOGGING_PROPERTY_SOURCE_NAME)))
			.hasSize(1);
	}

	@Test
	void leavesLoggingAloneInExternalMode() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("args", Map.of("baedal.embedded.enabled", "false")));

		new EmbeddedPlatformEnvironmentPostProcessor(new DeferredLogs()).postProcessEnvironment(environment,
				new SpringApplication());

		assertThat(environment.getPropertySources()
			.contains(EmbeddedPlatformEnvironmentPostProcessor.LOGGING_PROPERTY_SOURCE_NAME)).isFalse();
		assertThat(levels(environment)).doesNotContainKey("kafka");
	}

}
