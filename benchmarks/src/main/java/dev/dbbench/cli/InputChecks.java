package dev.dbbench.cli;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Checks of the command line that JMH makes only once the forks start, or never: made here before
 * anything is created or started, each failure one line naming the option, the rule and the fix.
 */
final class InputChecks {
    private InputChecks() {}

    /**
     * Each {@code -p name=v1,v2} against the selected benchmarks: the name must be a parameter of one
     * of them (JMH ignores unknown names and runs every value), and every value must fit the
     * parameter's type: a number for a number, one of the constants for an enum, true or false.
     */
    static void parameters(List<String> given, Options options) {
        if (given.isEmpty()) {
            return;
        }
        SortedSet<BenchmarkListEntry> entries = BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), options.getIncludes(), options.getExcludes());
        Map<String, BenchmarkListEntry> owner = new LinkedHashMap<>();
        for (BenchmarkListEntry e : entries) {
            e.getParams().orElse(Map.of()).keySet().forEach(name -> owner.putIfAbsent(name, e));
        }
        for (String p : given) {
            int eq = p.indexOf('=');
            String name = eq < 0 ? p : p.substring(0, eq).strip();
            if (name.isEmpty() || eq < 0) {
                throw new SetupException("-p " + p + " names no parameter: give -p name=value1,value2. Run with -lp to list the parameters");
            }
            BenchmarkListEntry entry = owner.get(name);
            if (entry == null) {
                String known = owner.isEmpty() ? "the selected benchmarks have no parameters" : "theirs are " + String.join(", ", new TreeSet<>(owner.keySet()));
                throw new SetupException("-p " + p + ": no selected benchmark has a parameter \"" + name + "\" (" + known
                        + "). Run with -lp to list the parameters");
            }
            List<String> values = Arrays.asList(p.substring(eq + 1).split(",", -1));
            Optional<Class<?>> type = parameterType(entry, name);
            for (String v : values) {
                Optional<String> problem = type.flatMap(t -> problem(t, v));
                if (problem.isPresent()) {
                    throw new SetupException("-p " + p + ": \"" + v + "\" is not a value of " + name + " (" + simpleName(entry) + "): " + problem.get());
                }
            }
        }
    }

    /** -jvm names a program that can run. */
    static void jvm(Options options) {
        if (options.getJvm().hasValue()) {
            String jvm = options.getJvm().get();
            Path path = Path.of(jvm);
            if (jvm.isBlank() || !Files.isRegularFile(path) || !Files.isExecutable(path)) {
                throw new SetupException("-jvm \"" + jvm + "\" is not an executable file: name a java launcher, e.g. "
                        + Path.of(System.getProperty("java.home"), "bin", "java"));
            }
        }
    }

    /** -rff (or JMH's default file when only -rf is given) and -o: files that can be written, checked without creating them. */
    static void outputFiles(Options options) {
        if (options.getResult().hasValue() || options.getResultFormat().hasValue()) {
            String file = options.getResult().orElse(Defaults.RESULT_FILE_PREFIX + "."
                    + options.getResultFormat().orElse(Defaults.RESULT_FORMAT).toString().toLowerCase(java.util.Locale.ROOT));
            writableFile("-rff", file);
        }
        if (options.getOutput().hasValue()) {
            writableFile("-o", options.getOutput().get());
        }
    }

    /** An empty path means the working directory to Java: never what the person meant. */
    static void notEmpty(String option, Path path) {
        if (path != null && path.toString().isBlank()) {
            throw new SetupException(option + " is empty: name a path, or leave the option out for its default");
        }
    }

    /**
     * A file that can be created or replaced: its folder exists and takes a new file (tried with a
     * temporary file, removed at once, so nothing is left), and it is not a folder itself.
     */
    static void writableFile(String option, String file) {
        if (file.isBlank()) {
            throw new SetupException(option + " is empty: name a file in a writable directory");
        }
        Path target = Path.of(file).toAbsolutePath();
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
            throw new SetupException(option + " \"" + file + "\" is a directory: name a file");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new SetupException(option + " cannot write \"" + file + "\": the directory " + dir + " does not exist. Name a file in a writable directory");
        }
        try {
            Files.delete(Files.createTempFile(dir, ".dbbench-probe", ".tmp"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new SetupException(option + " cannot write \"" + file + "\" (" + e.getClass().getSimpleName() + " in " + dir
                    + "). Name a file in a writable directory", e);
        }
    }

    private static Optional<String> problem(Class<?> type, String v) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(v);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(v);
            } else if (type == short.class || type == Short.class) {
                Short.parseShort(v);
            } else if (type == byte.class || type == Byte.class) {
                Byte.parseByte(v);
            } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
                Double.parseDouble(v);
            } else if (type == boolean.class || type == Boolean.class) {
                if (!v.equals("true") && !v.equals("false")) {
                    return Optional.of("give true or false");
                }
            } else if (type == char.class || type == Character.class) {
                if (v.length() != 1) {
                    return Optional.of("give one character");
                }
            } else if (type.isEnum()) {
                List<String> constants = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
                if (!constants.contains(v)) {
                    return Optional.of("give one of " + String.join(", ", constants));
                }
            }
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("give a number of type " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * The {@code @Param} field's type: in the benchmark's class, the {@code @State} objects its
     * method takes, and the states their {@code @Setup} methods take, superclasses included. Empty
     * when it cannot be found; JMH then checks the value when the fork starts.
     */
    static Optional<Class<?>> parameterType(BenchmarkListEntry entry, String name) {
        try {
            ClassLoader loader = InputChecks.class.getClassLoader();
            Class<?> user = Class.forName(entry.getUserClassQName(), false, loader);
            String methodName = entry.getUsername().substring(entry.getUsername().lastIndexOf('.') + 1);
            Deque<Class<?>> todo = new ArrayDeque<>();
            todo.add(user);
            for (Method m : user.getMethods()) {
                if (m.getName().equals(methodName)) {
                    todo.addAll(Arrays.asList(m.getParameterTypes()));
                }
            }
            Set<Class<?>> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                Class<?> c = todo.poll();
                if (!seen.add(c)) {
                    continue;
                }
                for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                    for (Field f : k.getDeclaredFields()) {
                        if (f.getName().equals(name) && f.isAnnotationPresent(Param.class)) {
                            return Optional.of(f.getType());
                        }
                    }
                    for (Method m : k.getDeclaredMethods()) {
                        if (m.isAnnotationPresent(Setup.class)) {
                            Arrays.stream(m.getParameterTypes()).filter(t -> t.isAnnotationPresent(State.class)).forEach(todo::add);
                        }
                    }
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // Not loadable here: the fork will say.
        }
        return Optional.empty();
    }

    private static String simpleName(BenchmarkListEntry entry) {
        String user = entry.getUsername();
        int method = user.lastIndexOf('.');
        return user.substring(user.lastIndexOf('.', method - 1) + 1, method);
    }

    static Collection<String> given(picocli.CommandLine.ParseResult parsed) {
        return parsed.hasMatchedOption("-p") ? parsed.matchedOption("-p").originalStringValues() : List.of();
    }
}
