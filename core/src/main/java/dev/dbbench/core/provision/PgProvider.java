package dev.dbbench.core.provision;

/**
 * Which kind of PostgreSQL server to use, when the person forces one rather than letting
 * {@link PostgresProvisioner} choose (explicit settings, else a container, else embedded).
 */
public enum PgProvider {
    /** The server named by the explicit settings (a JDBC URL, user and password). */
    URL,
    /** A Testcontainers container, on the Docker engine Testcontainers finds. */
    CONTAINER,
    /** The embedded server (zonky), from the Linux x86_64 binaries in the jar. */
    EMBEDDED
}
