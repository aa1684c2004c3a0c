package dev.dbbench.core.postgres;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/** A fresh database per test class (test classes run one after another); every test gets an empty {@code products} table and drops it. */
abstract class PgTestDatabase {
    static PgEndpoint endpoint;
    static Database db;

    @BeforeAll
    static void createDatabase(TestInfo info) {
        endpoint = SharedPostgres.get().createDatabase(info.getTestClass().orElseThrow().getSimpleName());
        db = Databases.postgres(endpoint);
    }

    @AfterAll
    static void dropDatabase() {
        SharedPostgres.get().drop(endpoint);
    }

    @BeforeEach
    void createTable() {
        db.useConnection(Products::createSchema);
    }

    @AfterEach
    void dropTable() {
        db.useConnection(Products::dropSchema);
    }

    /** Tables and columns of the current schema, to show that no statement changed the schema. */
    static List<String> schemaShape() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns
                    WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position""");
                 ResultSet rs = ps.executeQuery()) {
                List<String> shape = new ArrayList<>();
                while (rs.next()) {
                    shape.add(rs.getString(1));
                }
                return shape;
            }
        });
    }

    static List<Product> all() {
        return db.withConnection(Products::all);
    }
}
