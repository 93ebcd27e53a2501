package org.onewindow.casework.infrastructure;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.SQLException;
import org.postgresql.util.PGobject;

/**
 * Binds a JSON text (or null) to a {@code jsonb} column: PostgreSQL refuses a {@code varchar} parameter for {@code jsonb}
 * without a cast, and a {@code PGobject} typed {@code jsonb} is the driver's way to send one.
 */
@Converter
public class JsonbConverter implements AttributeConverter<String, Object> {

    @Override
    public Object convertToDatabaseColumn(String json) {
        // Also for null: a bare null would be bound as varchar, which PostgreSQL refuses for a jsonb column.
        PGobject value = new PGobject();
        value.setType("jsonb");
        try {
            value.setValue(json);
        } catch (SQLException e) {
            throw new IllegalArgumentException(e);
        }
        return value;
    }

    @Override
    public String convertToEntityAttribute(Object stored) {
        if (stored == null) {
            return null;
        }
        return stored instanceof PGobject object ? object.getValue() : stored.toString();
    }
}
