package baedal.platform.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Applies {@link TextInput} to every string a JSON body binds to — a {@code String} field or record component, an
 * element of a {@code List<String>} or {@code String[]}, a value or key of a {@code Map}, a string inside an
 * {@code Object} — so no request text with a control character reaches a context, let alone its database. A
 * refused string fails the read with a {@link RefusedTextException} that carries the field's path. Body values
 * read as {@code JsonNode} are not checked (no API binds one).
 */
public final class TextInputModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public TextInputModule() {
        super("baedal-text-input");
        addDeserializer(String.class, new CheckedStringDeserializer());
        addKeyDeserializer(String.class, new CheckedKeyDeserializer());
    }

    /** Reads a string as Jackson would, then refuses it if {@link TextInput#problemInFreeText} does. */
    static final class CheckedStringDeserializer extends StdScalarDeserializer<String> {

        private static final long serialVersionUID = 1L;

        CheckedStringDeserializer() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null) {
                String problem = TextInput.problemInFreeText(value);
                if (problem != null) {
                    throw new RefusedTextException(parser, problem);
                }
            }
            return value;
        }

        @Override
        public Object deserializeWithType(JsonParser parser, DeserializationContext context,
                TypeDeserializer typeDeserializer) throws JacksonException {
            return deserialize(parser, context);
        }
    }

    /** Map keys are names, never free text: one line, no control character at all. */
    static final class CheckedKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws JacksonException {
            String problem = TextInput.problemInLine(key);
            if (problem != null) {
                throw new RefusedTextException(context.getParser(), "key " + problem);
            }
            return key;
        }
    }
}
