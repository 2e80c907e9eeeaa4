package baedal.platform.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Applies {@link TextInput} to every JSON string of a body, whatever it binds to: a {@code String} (field, record
 * component, element of a {@code List<String>} or {@code String[]}, {@code Map} value, string inside an
 * {@code Object}), an {@code Instant}, a date, a UUID, an enum, a number written as a string, and every
 * {@code Map} key — so no request text with a control character reaches a context, let alone its database. The
 * check runs before the value is converted, so {@code "from": "2026-11-25T00:00:00Z\u0000"} is refused as text,
 * not as a malformed instant. A refused string fails the read with a {@link RefusedTextException} carrying the
 * field's path. Strings of a body bound as a whole to {@code JsonNode} are not checked (no API binds one).
 */
public final class TextInputModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public TextInputModule() {
        super("baedal-text-input");
        setDeserializerModifier(new CheckScalars());
        addKeyDeserializer(String.class, new CheckedKeys());
    }

    /** Wraps every scalar deserializer (strings, numbers, dates, enums…) into one that checks string tokens first. */
    static final class CheckScalars extends ValueDeserializerModifier {

        private static final long serialVersionUID = 1L;

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
            return checked(deserializer);
        }

        @Override
        public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
            return checked(deserializer);
        }

        private static ValueDeserializer<?> checked(ValueDeserializer<?> deserializer) {
            return deserializer instanceof StdScalarDeserializer<?> ? new CheckedText(deserializer) : deserializer;
        }
    }

    /** Refuses a string token {@link TextInput#problemInFreeText} refuses, then reads as the wrapped one would. */
    static final class CheckedText extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;

        CheckedText(ValueDeserializer<?> delegatee) {
            super(delegatee);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
            return new CheckedText(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            check(parser);
            return _delegatee.deserialize(parser, context);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object deserialize(JsonParser parser, DeserializationContext context, Object intoValue)
                throws JacksonException {
            check(parser);
            return ((ValueDeserializer<Object>) _delegatee).deserialize(parser, context, intoValue);
        }

        @Override
        public Object deserializeWithType(JsonParser parser, DeserializationContext context,
                TypeDeserializer typeDeserializer) throws JacksonException {
            check(parser);
            return _delegatee.deserializeWithType(parser, context, typeDeserializer);
        }

        private static void check(JsonParser parser) {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String problem = TextInput.problemInFreeText(parser.getString());
                if (problem != null) {
                    throw new RefusedTextException(parser, problem);
                }
            }
        }
    }

    /** Map keys are names, never free text: one line, no control character at all. */
    static final class CheckedKeys extends KeyDeserializer {

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
