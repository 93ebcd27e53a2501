package org.onewindow.kernel.text;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.onewindow.kernel.json.Json;

/**
 * {@link TextRule} over a JSON document, each string by the field it binds to. A request record declares its
 * fields' limits where the OpenAPI document shows them: {@code @Schema(maxLength = 50)} on the component (JSON
 * Schema counts {@code maxLength} in code points, as the rule does), {@link MultiLine} where line breaks belong,
 * {@code @Schema(format = "password")} for a secret kept exactly. A string the type declares nothing for is one line
 * of at most {@link TextField#LINE_MAX_LENGTH}; one in a free-form part ({@code JsonObject}, a member the record does
 * not have) may have several lines, at most {@link TextField#FREE_MAX_LENGTH}. Object keys are checked as one line.
 *
 * <p>Fields are named by their path: {@code applicant.name}, {@code materials.M01.note}, {@code roles[2]}.
 */
public final class JsonTexts {

    private static final TextField FREE = TextField.lines(TextField.FREE_MAX_LENGTH);
    private static final TextField UNDECLARED = TextField.line(TextField.LINE_MAX_LENGTH);
    private static final TextField KEY = TextField.line(TextField.LINE_MAX_LENGTH);

    private JsonTexts() {}

    /**
     * {@code value} with every string cleaned; each refused one adds a problem and stays as it was.
     *
     * @param type the Java type the document binds to; {@code JsonObject}, {@code Object} or null for a free-form one
     * @param problems where refusals are added, in document order
     */
    public static JsonValue clean(JsonValue value, Type type, List<TextProblem> problems) {
        return clean(value, type, null, "", problems);
    }

    private static JsonValue clean(JsonValue value, Type type, TextField declared, String path, List<TextProblem> p) {
        Class<?> raw = raw(type);
        return switch (value.getValueType()) {
            case STRING -> {
                TextField field = declared != null ? declared : freeForm(raw) ? FREE : UNDECLARED;
                String original = ((JsonString) value).getString();
                TextRule.Checked checked = TextRule.check(path.isEmpty() ? "body" : path, original, field);
                if (checked.problem() != null) {
                    p.add(checked.problem());
                    yield value;
                }
                yield checked.text().equals(original) ? value : Json.createValue(checked.text());
            }
            case OBJECT -> object((JsonObject) value, type, raw, declared, path, p);
            case ARRAY -> {
                Type element = element(type, raw);
                JsonArrayBuilder cleaned = Json.createArrayBuilder();
                JsonArray array = (JsonArray) value;
                for (int i = 0; i < array.size(); i++) {
                    cleaned.add(clean(array.get(i), element, declared, path + "[" + i + "]", p));
                }
                yield cleaned.build();
            }
            default -> value;
        };
    }

    private static JsonValue object(
            JsonObject object, Type type, Class<?> raw, TextField declared, String path, List<TextProblem> p) {
        JsonObjectBuilder cleaned = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            String name = member.getKey();
            String at = path.isEmpty() ? name : path + "." + name;
            TextRule.Checked key = TextRule.check(at, name, KEY);
            if (key.problem() != null) {
                p.add(key.problem());
            }
            Type memberType = null;
            TextField memberField = null;
            if (raw != null && raw.isRecord()) {
                RecordComponent component = component(raw, name);
                if (component != null) {
                    memberType = component.getGenericType();
                    memberField = declared(component);
                }
            } else if (raw != null && Map.class.isAssignableFrom(raw)) {
                memberType = typeArgument(type, 1);
                memberField = declared;
            }
            cleaned.add(name, clean(member.getValue(), memberType, memberField, at, p));
        }
        return cleaned.build();
    }

    /** The component bound to the JSON member {@code name}: by {@code @JsonbProperty}, else by its own name. */
    private static RecordComponent component(Class<?> record, String name) {
        for (RecordComponent component : record.getRecordComponents()) {
            JsonbProperty property = component.getAccessor().getAnnotation(JsonbProperty.class);
            String bound = property != null && !property.value().isEmpty() ? property.value() : component.getName();
            if (bound.equals(name)) {
                return component;
            }
        }
        return null;
    }

    /** What a component declares for its strings, or null when it declares nothing. */
    static TextField declared(RecordComponent component) {
        Schema schema = component.getAccessor().getAnnotation(Schema.class);
        boolean multiLine = component.isAnnotationPresent(MultiLine.class);
        int max = schema != null && schema.maxLength() != Integer.MAX_VALUE ? schema.maxLength() : 0;
        boolean secret = schema != null && "password".equals(schema.format());
        if (max == 0 && !multiLine && !secret) {
            return null;
        }
        int limit = max > 0 ? max : multiLine ? TextField.FREE_MAX_LENGTH : TextField.LINE_MAX_LENGTH;
        return new TextField(limit, multiLine, secret);
    }

    /** Whether strings bound to {@code raw} are free-form: no record says what they are. */
    private static boolean freeForm(Class<?> raw) {
        return raw == null || raw == Object.class || JsonValue.class.isAssignableFrom(raw);
    }

    private static Type element(Type type, Class<?> raw) {
        if (type instanceof GenericArrayType array) {
            return array.getGenericComponentType();
        }
        if (raw != null && raw.isArray()) {
            return raw.getComponentType();
        }
        if (raw != null && Collection.class.isAssignableFrom(raw)) {
            return typeArgument(type, 0);
        }
        return null;
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length > index
                ? parameterized.getActualTypeArguments()[index]
                : null;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> c) {
            return c;
        }
        if (type instanceof GenericArrayType) {
            return Object[].class;
        }
        return null;
    }
}
