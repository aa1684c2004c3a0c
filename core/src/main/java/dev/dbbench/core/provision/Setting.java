package dev.dbbench.core.provision;

/**
 * A value together with the name the person used to give it ({@code --pg-url},
 * {@code DBBENCH_PG_URL}, {@code -Ddbbench.pg.url}), so an error can name what to fix.
 */
public record Setting(String value, String name) {
    @Override
    public String toString() {
        return name + "=" + value;
    }
}
