package dev.dbbench.bench.pooling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolingSettingsTest {

    @Test
    void everyPoolReportsTheSameLimitsFromTheOneSettingsRecord() {
        Map<String, Map<String, String>> effective = PoolingSettings.effective();
        assertEquals(List.of("none", "hikari", "dbcp2", "tomcat"), List.copyOf(effective.keySet()));

        assertEquals("4", effective.get("none").get("maximumOpen"));
        assertEquals("4", effective.get("hikari").get("maximumPoolSize"));
        assertEquals("4", effective.get("dbcp2").get("maxTotal"));
        assertEquals("4", effective.get("tomcat").get("maxActive"));

        assertEquals("4", effective.get("hikari").get("minimumIdle"));
        assertEquals("4", effective.get("dbcp2").get("initialSize"));
        assertEquals("4", effective.get("dbcp2").get("maxIdle"), "dbcp2's default of 8 idle would not matter at 4, but 16 would churn");
        assertEquals("4", effective.get("tomcat").get("initialSize"));

        assertEquals("30000", effective.get("none").get("borrowTimeoutMillis"));
        assertEquals("30000", effective.get("hikari").get("connectionTimeout"));
        assertEquals("30000", effective.get("dbcp2").get("maxWaitMillis"));
        assertEquals("30000", effective.get("tomcat").get("maxWait"));

        assertEquals("false", effective.get("dbcp2").get("testOnBorrow"));
        assertEquals("false", effective.get("tomcat").get("testOnBorrow"));
        assertEquals("false", effective.get("dbcp2").get("poolPreparedStatements"));
        assertEquals("ConnectionState", effective.get("tomcat").get("jdbcInterceptors"));
        assertEquals("true", effective.get("hikari").get("autoCommit"));
        assertEquals("true", effective.get("dbcp2").get("defaultAutoCommit"));
        assertEquals("true", effective.get("tomcat").get("defaultAutoCommit"));
    }

    @Test
    void effectiveSettingsNeverHoldAPassword() {
        PoolingSettings.effective().forEach((kind, properties) ->
                properties.keySet().forEach(key -> assertTrue(!key.toLowerCase(java.util.Locale.ROOT).contains("password"), kind + ": " + key)));
    }

    @Test
    void sizesChangeOnlyTheSize() {
        assertEquals(PoolingSettings.SETTINGS.withMaximumSize(16).withMinimumIdle(16), PoolingSettings.forSize(16));
        assertEquals(PoolingSettings.SETTINGS, PoolingSettings.forSize(4));
    }
}
