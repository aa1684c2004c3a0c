package dev.dbbench.core.orm.jpa;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * SQLite's storage of the two column types it lacks, the same as the JDBC repository's
 * ({@code core.orm.Columns}): money as whole cents, timestamps as epoch microseconds, both INTEGER.
 * {@link Orm} applies these converters to every such attribute on SQLite only; on PostgreSQL the
 * attributes map to NUMERIC and TIMESTAMPTZ as they are.
 */
final class SqliteColumns {
    private SqliteColumns() {}

    @Converter(autoApply = true)
    public static final class Cents implements AttributeConverter<BigDecimal, Long> {
        @Override
        public Long convertToDatabaseColumn(BigDecimal amount) {
            return amount == null ? null : amount.setScale(2).movePointRight(2).longValueExact();
        }

        @Override
        public BigDecimal convertToEntityAttribute(Long cents) {
            return cents == null ? null : BigDecimal.valueOf(cents, 2);
        }
    }

    @Converter(autoApply = true)
    public static final class Micros implements AttributeConverter<Instant, Long> {
        @Override
        public Long convertToDatabaseColumn(Instant t) {
            return t == null ? null : ChronoUnit.MICROS.between(Instant.EPOCH, t);
        }

        @Override
        public Instant convertToEntityAttribute(Long micros) {
            return micros == null ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        }
    }
}
