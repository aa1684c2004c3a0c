package dev.dbbench.profile;

import java.util.Locale;

/**
 * The system property that turns off JMH's gc profiler, which the launcher adds to every run. It
 * lives below both the launcher, which reads it, and the regression check, which sets it on its
 * forks (older jars ignore it), so neither package imports the other.
 */
public final class GcProfilerSwitch {
    public static final String PROPERTY = "dbbench.gcProfiler";

    private GcProfilerSwitch() {}

    /**
     * The property's value: true when unset or blank.
     *
     * @throws IllegalArgumentException naming the property, the value and the fix, when it is neither true nor false
     */
    public static boolean fromProperty() {
        String set = System.getProperty(PROPERTY);
        if (set == null || set.isBlank()) {
            return true;
        }
        return switch (set.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("-D" + PROPERTY + " must be true or false, was \"" + set
                    + "\". Give -D" + PROPERTY + "=false, or --no-gc-profiler, to run without JMH's gc profiler");
        };
    }
}
