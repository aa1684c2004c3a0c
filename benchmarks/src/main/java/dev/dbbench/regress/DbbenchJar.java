package dev.dbbench.regress;

import dev.dbbench.bench.postgres.InjectedSlowdown;
import dev.dbbench.regress.ruler.CpuRulerBenchmark;
import dev.dbbench.regress.ruler.SelectOneRulerBenchmark;
import dev.dbbench.regress.ruler.WorkBenchmark;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * A benchmarks.jar as the check sees it before running it: its JMH benchmark list (what it can run,
 * with the settings each benchmark's annotations give) read without starting it. The jar is opened as
 * a class path, so a jar that names its classes in its manifest's {@code Class-Path} is read the same
 * way {@code java -jar} would read it.
 */
public final class DbbenchJar {
    static final String MAIN_CLASS = "dev/dbbench/cli/Main.class";
    static final String BENCHMARK_LIST = "META-INF/BenchmarkList";
    /** Run in every fork of every pair: the machine's steadiness, next to the benchmarks compared. */
    public static final List<String> RULERS = List.of(
            CpuRulerBenchmark.class.getName() + ".loop",
            SelectOneRulerBenchmark.class.getName() + ".selectOne");

    private final Path path;
    private final SortedMap<String, String> settings;
    /** Each benchmark method's {@code @Param} names. */
    private final SortedMap<String, SortedSet<String>> params;

    private DbbenchJar(Path path, SortedMap<String, String> settings, SortedMap<String, SortedSet<String>> params) {
        this.path = path;
        this.settings = settings;
        this.params = params;
    }

    public static DbbenchJar open(Path jar, String option) {
        if (!Files.isRegularFile(jar)) {
            throw new BadInputException(option + " " + jar + " does not exist or is not a file: give a benchmarks.jar built by `mvn -DskipTests package`");
        }
        SortedMap<String, String> settings = new TreeMap<>();
        SortedMap<String, SortedSet<String>> params = new TreeMap<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            if (loader.findResource(MAIN_CLASS) == null || loader.findResource(BENCHMARK_LIST) == null) {
                throw new BadInputException(option + " " + jar + " is not a dbbench jar (no " + MAIN_CLASS + " or " + BENCHMARK_LIST
                        + "): give the benchmarks.jar this repository builds");
            }
            Enumeration<URL> lists = loader.findResources(BENCHMARK_LIST);
            while (lists.hasMoreElements()) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(lists.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    // Line by line as JMH's runner reads it: the shaded jar's appended lists have blank lines between them.
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (!line.isBlank() && !line.startsWith("#")) {
                            BenchmarkListEntry entry = new BenchmarkListEntry(line);
                            settings.merge(entry.getUsername() + " [" + entry.getMode().shortLabel() + "]", settingsOf(entry), (a, b) -> a);
                            if (entry.getParams().hasValue()) {
                                params.computeIfAbsent(entry.getUsername(), k -> new TreeSet<>()).addAll(entry.getParams().get().keySet());
                            }
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException bad) {
                throw bad;
            }
            throw new BadInputException(option + " " + jar + " cannot be read as a jar (" + JmhResults.oneLine(e)
                    + "): give the benchmarks.jar this repository builds", e);
        }
        for (String ruler : RULERS) {
            if (settings.keySet().stream().noneMatch(k -> k.startsWith(ruler + " ["))) {
                throw new BadInputException(option + " " + jar + " has no ruler benchmark " + ruler
                        + ": it was built before the regression check existed; build both jars from a commit that has it");
            }
        }
        return new DbbenchJar(jar, settings, params);
    }

    public Path path() {
        return path;
    }

    /**
     * The benchmark methods matched by any of the JMH-style regular expressions (found anywhere in the
     * name, as JMH matches them), rulers excluded: they run anyway. Without expressions, every benchmark
     * but the check's own test subject {@link WorkBenchmark}, which only changes when a test rewrites it.
     */
    public SortedSet<String> select(List<String> regexes) {
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : regexes) {
            try {
                patterns.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new BadInputException("selection \"" + regex + "\" is not a regular expression (" + e.getDescription()
                        + "): give a benchmark name or a Java regex such as 'Sqlite.*Insert'", e);
            }
        }
        SortedSet<String> names = new TreeSet<>();
        for (String key : settings.keySet()) {
            String name = key.substring(0, key.indexOf(" ["));
            boolean selected = patterns.isEmpty() ? !name.startsWith(WorkBenchmark.class.getName() + ".")
                    : patterns.stream().anyMatch(p -> p.matcher(name).find());
            if (!RULERS.contains(name) && selected) {
                names.add(name);
            }
        }
        return names;
    }

    /** The {@code @Param} names any of the named benchmarks has. */
    public SortedSet<String> paramNames(Collection<String> names) {
        SortedSet<String> found = new TreeSet<>();
        names.forEach(n -> found.addAll(params.getOrDefault(n, new TreeSet<>())));
        return found;
    }

    /** The JMH settings of each mode of the named benchmarks, to check that two jars run the same. */
    public SortedMap<String, String> settingsOf(SortedSet<String> names) {
        return settings.entrySet().stream()
                .filter(e -> names.contains(e.getKey().substring(0, e.getKey().indexOf(" ["))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /**
     * Fails unless {@code head} has the same selected benchmarks as this jar, with the same settings.
     * Returns the selection.
     */
    public SortedSet<String> sameSelection(DbbenchJar head, List<String> regexes) {
        SortedSet<String> base = select(regexes);
        SortedSet<String> other = head.select(regexes);
        if (base.isEmpty() && other.isEmpty()) {
            throw new BadInputException("the selection " + regexes + " matches no benchmark in either jar: run `java -jar "
                    + path + " -l` for the names");
        }
        if (!base.equals(other)) {
            SortedSet<String> onlyBase = new TreeSet<>(base);
            onlyBase.removeAll(other);
            SortedSet<String> onlyHead = new TreeSet<>(other);
            onlyHead.removeAll(base);
            throw new BadInputException("the jars have different benchmark sets for the selection " + regexes
                    + (onlyBase.isEmpty() ? "" : "; only in --base: " + onlyBase)
                    + (onlyHead.isEmpty() ? "" : "; only in --head: " + onlyHead)
                    + ": narrow the selection to benchmarks both builds have");
        }
        SortedSet<String> all = new TreeSet<>(base);
        all.addAll(RULERS);
        SortedMap<String, String> a = settingsOf(all);
        SortedMap<String, String> b = head.settingsOf(all);
        for (Map.Entry<String, String> e : a.entrySet()) {
            String h = b.get(e.getKey());
            if (!e.getValue().equals(h)) {
                throw new BadInputException("the jars run " + e.getKey() + " with different JMH settings: --base has "
                        + e.getValue() + ", --head has " + Optional.ofNullable(h).orElse("no such mode")
                        + ": compare builds whose benchmark annotations agree, or leave this benchmark out of the selection");
            }
        }
        if (!a.keySet().equals(b.keySet())) {
            throw new BadInputException("the jars run the selected benchmarks in different JMH modes: --base " + a.keySet()
                    + ", --head " + b.keySet() + ": compare builds whose @BenchmarkMode agree");
        }
        return base;
    }

    /**
     * The settings that decide what a fork measures. Warm-up and measurement iterations and times, and
     * fork counts, are left out: every fork of a check runs with the check's own {@code -f 1 -wi -i -w -r},
     * so a change to those annotations (a class made quicker for the quick profile) measures the same.
     */
    private static String settingsOf(BenchmarkListEntry e) {
        return "threads=" + opt(e.getThreads()) + " threadGroups=" + Arrays.toString(e.getThreadGroups())
                + " warmupBatch=" + opt(e.getWarmupBatchSize()) + " measurementBatch=" + opt(e.getMeasurementBatchSize())
                + " jvmArgs=" + opt(e.getJvmArgs()) + opt(e.getJvmArgsPrepend()) + opt(e.getJvmArgsAppend())
                + " params=" + (e.getParams().hasValue() ? params(e.getParams().get()) : "{}")
                + " timeUnit=" + opt(e.getTimeUnit()) + " opsPerInvocation=" + opt(e.getOperationsPerInvocation())
                + " timeout=" + opt(e.getTimeout());
    }

    private static String opt(org.openjdk.jmh.util.Optional<?> value) {
        return value.hasValue() ? String.valueOf(value.get()) : "default";
    }

    private static String params(Map<String, String[]> params) {
        return new TreeMap<>(params).entrySet().stream()
                .map(p -> p.getKey() + "=" + String.join(",", p.getValue()))
                .collect(Collectors.joining(" ", "{", "}"));
    }

    /**
     * The fraction of the test-only slowdown this jar carries ({@code InjectedSlowdown}'s resource, which
     * only {@code CompareTrials} writes into a copy), or null for every jar the build makes.
     */
    String injectedFraction() {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {path.toUri().toURL()}, null);
             InputStream in = loader.getResourceAsStream(InjectedSlowdown.RESOURCE)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("fraction", "?");
        } catch (IOException e) {
            throw new BadInputException(path + " cannot be read as a jar (" + JmhResults.oneLine(e) + "): give the benchmarks.jar this repository builds", e);
        }
    }
}
