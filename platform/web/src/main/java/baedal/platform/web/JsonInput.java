package baedal.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules of every JSON body, set on the application's {@code JsonMapper} (the one the HTTP message converters
 * read bodies with): no string with a control character ({@link TextInputModule}), and no fraction where a whole
 * number is expected ({@code "quantity": 2.7} is refused instead of silently becoming 2; numbers beyond the Java
 * type's range are refused by Jackson anyway). Both failures carry the field's path and are answered as
 * {@code invalid-request} field errors by {@link ProblemHandling}.
 * <p>
 * Runs before Spring Boot's own customizer, so an explicit {@code spring.jackson.deserialization.*} setting still
 * wins.
 */
@Component
class JsonInput implements JsonMapperBuilderCustomizer, Ordered {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        builder.addModule(new TextInputModule());
    }

    @Override
    public int getOrder() {
        return -100;
    }
}
