package dev.dbbench.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * The question metadata on the class path, one file per benchmark class at
 * {@code META-INF/dbbench/questions/<fully.qualified.ClassName>.properties}. The benchmark classes are
 * found through JMH's own {@code META-INF/BenchmarkList} (every bench module writes one), so claims of
 * classes that did not run can be listed as "not measured in this run".
 */
public final class QuestionCatalog {
    public static final String DIRECTORY = "META-INF/dbbench/questions/";

    private static final Pattern CLAIM_KEY = Pattern.compile("claim\\.([1-9][0-9]*)\\.(text|baseline|variant|factor|where|metric|statements|source|section|quote|reading)");
    private static final Set<String> TOP_KEYS = Set.of("question", "variant", "baseline");
    private static final String KEYS = "question, variant, baseline, claim.<n>.text|baseline|variant|factor|where|metric|statements|source|section|quote|reading";

    private final ClassLoader loader;
    private final Map<String, List<BenchmarkListEntry>> benchmarks;
    private final Map<String, Optional<Question>> cache = new HashMap<>();

    private QuestionCatalog(ClassLoader loader, Map<String, List<BenchmarkListEntry>> benchmarks) {
        this.loader = loader;
        this.benchmarks = benchmarks;
    }

    /** The metadata and benchmark list visible to this class's loader: the jar, or the test class path. */
    public static QuestionCatalog fromClassPath() {
        return fromClassPath(QuestionCatalog.class.getClassLoader());
    }

    public static QuestionCatalog fromClassPath(ClassLoader loader) {
        Map<String, List<BenchmarkListEntry>> byClass = new TreeMap<>();
        try {
            Enumeration<URL> lists = loader.getResources(BenchmarkList.BENCHMARK_LIST.substring(1));
            while (lists.hasMoreElements()) {
                URL url = lists.nextElement();
                try (BufferedReader in = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    // Read line by line as JMH's own runner does: the shaded jar's appended list has blank lines
                    // between the modules' lists, which BenchmarkList.readBenchmarkList does not accept.
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (line.isBlank() || line.startsWith("#")) {
                            continue;
                        }
                        BenchmarkListEntry entry = new BenchmarkListEntry(line);
                        byClass.computeIfAbsent(entry.getUserClassQName(), c -> new ArrayList<>()).add(entry);
                    }
                }
            }
        } catch (IOException e) {
            throw new ReportException("cannot read JMH's benchmark list on the class path: " + e, e);
        }
        return new QuestionCatalog(loader, byClass);
    }

    /** This catalog, also knowing benchmark classes that are not in the jar's benchmark list (tests). */
    QuestionCatalog withClasses(Collection<String> classNames) {
        Map<String, List<BenchmarkListEntry>> more = new TreeMap<>(benchmarks);
        classNames.forEach(c -> more.putIfAbsent(c, List.of()));
        return new QuestionCatalog(loader, more);
    }

    /** The benchmark classes in the jar, whether or not they ran. */
    public Set<String> benchmarkClasses() {
        return benchmarks.keySet();
    }

    /** The question of {@code className}, if its metadata file exists. */
    public Optional<Question> find(String className) {
        return cache.computeIfAbsent(className, this::load);
    }

    /** The question of {@code className}, or one made up from its name. */
    public Question question(String className) {
        return find(className).orElseGet(() -> Question.undeclared(className));
    }

    /** Declared questions of these classes and of every class in the jar, ordered by class name. */
    public List<Question> declared(Collection<String> moreClasses) {
        Set<String> classes = new TreeSet<>(benchmarks.keySet());
        classes.addAll(moreClasses);
        return classes.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /**
     * Metadata that does not match the benchmarks it describes: a baseline or claim naming a method or
     * parameter value that does not exist. Empty when all is well; a test keeps it so.
     */
    public List<String> inconsistencies() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<BenchmarkListEntry>> e : benchmarks.entrySet()) {
            Optional<Question> found = find(e.getKey());
            if (found.isEmpty()) {
                continue;
            }
            Question q = found.get();
            String file = DIRECTORY + q.className() + ".properties";
            Set<String> methods = new TreeSet<>();
            Map<String, Set<String>> params = new TreeMap<>();
            for (BenchmarkListEntry entry : e.getValue()) {
                String user = entry.getUsername();
                methods.add(user.substring(user.lastIndexOf('.') + 1));
                entry.getParams().orElse(Map.of()).forEach((name, values) ->
                        params.computeIfAbsent(name, n -> new TreeSet<>()).addAll(Arrays.asList(values)));
            }
            Set<String> variants;
            if (q.variantParam().isPresent()) {
                String p = q.variantParam().get();
                variants = params.getOrDefault(p, Set.of());
                if (!params.containsKey(p)) {
                    problems.add(file + ": variant=param:" + p + " but the class has no @Param \"" + p
                            + "\" (it has " + params.keySet() + ")");
                }
            } else {
                variants = methods;
            }
            q.baseline().filter(b -> !variants.contains(b)).ifPresent(b -> problems.add(
                    file + ": baseline=" + b + " is not one of the variants " + variants));
            for (Claim c : q.claims()) {
                String key = file + ": claim." + c.number();
                if (c.source() == Claim.Source.UNSTATED) {
                    problems.add(key + ".source is missing: say where the claim comes from (guide, other or suite)");
                } else if (c.section().isEmpty()) {
                    problems.add(key + ".section is missing: name the guide's section or the other source");
                }
                if (c.source() == Claim.Source.GUIDE && c.quote().isEmpty()) {
                    problems.add(key + ".quote is missing: a claim from the guide quotes its words");
                }
                if (!c.countsStatements() && !variants.contains(c.baseline())) {
                    problems.add(key + ".baseline=" + c.baseline() + " is not one of the variants " + variants);
                }
                if (!variants.contains(c.variant())) {
                    problems.add(key + ".variant=" + c.variant() + " is not one of the variants " + variants);
                }
                c.where().forEach((name, value) -> {
                    if (!params.containsKey(name) || q.variantParam().filter(name::equals).isPresent()) {
                        problems.add(key + ".where names \"" + name + "\", which is not a grouping @Param "
                                + "of the class (it has " + params.keySet() + ")");
                    } else if (!params.get(name).contains(value)) {
                        problems.add(key + ".where=" + name + "=" + value + " but " + name
                                + " only takes " + params.get(name));
                    }
                });
            }
        }
        return problems;
    }

    private Optional<Question> load(String className) {
        String resource = DIRECTORY + className + ".properties";
        URL url = loader.getResource(resource);
        if (url == null) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (Reader in = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new ReportException(resource + ": cannot read: " + e.getMessage(), e);
        }
        return Optional.of(parse(className, resource, props));
    }

    static Question parse(String className, String resource, Properties props) {
        Map<Integer, Map<String, String>> claimKeys = new TreeMap<>();
        for (String key : new TreeSet<>(props.stringPropertyNames())) {
            Matcher m = CLAIM_KEY.matcher(key);
            if (m.matches()) {
                claimKeys.computeIfAbsent(Integer.parseInt(m.group(1)), n -> new LinkedHashMap<>())
                        .put(m.group(2), props.getProperty(key).strip());
            } else if (!TOP_KEYS.contains(key)) {
                throw new ReportException(resource + ": unknown key \"" + key + "\"; the keys are " + KEYS);
            }
        }
        String text = props.getProperty("question", "").strip();
        if (text.isEmpty()) {
            throw new ReportException(resource + ": \"question\" is missing; say which question the class answers, "
                    + "e.g. question=How should I insert 100,000 rows into PostgreSQL?");
        }
        String variant = bare(props.getProperty("variant", "method"));
        Optional<String> variantParam;
        if (variant.equals("method")) {
            variantParam = Optional.empty();
        } else if (variant.startsWith("param:") && variant.length() > "param:".length()) {
            variantParam = Optional.of(variant.substring("param:".length()).strip());
        } else {
            throw new ReportException(resource + ": variant=" + variant
                    + " is not understood; use variant=method or variant=param:<paramName>");
        }
        Optional<String> baseline = Optional.ofNullable(props.getProperty("baseline")).map(QuestionCatalog::bare)
                .filter(b -> !b.isEmpty());
        List<Claim> claims = new ArrayList<>();
        claimKeys.forEach((n, keys) -> claims.add(claim(resource, n, keys)));
        return new Question(className, text, variantParam, baseline, claims, true);
    }

    private static Claim claim(String resource, int n, Map<String, String> keys) {
        String prefix = resource + ": claim." + n + ".";
        boolean statementClaim = keys.containsKey("statements");
        for (String required : statementClaim ? List.of("text", "variant") : List.of("text", "baseline", "variant")) {
            if (keys.getOrDefault(required, "").isEmpty()) {
                throw new ReportException(prefix + required + " is missing; " + (statementClaim
                        ? "a statements claim needs text and variant" : "a claim needs text, baseline and variant"));
            }
        }
        double statements = Double.NaN;
        if (statementClaim) {
            String raw = bare(keys.get("statements"));
            try {
                statements = Long.parseLong(raw);
            } catch (NumberFormatException e) {
                statements = -1;
            }
            if (statements < 0) {
                throw new ReportException(prefix + "statements=" + raw
                        + " is not a whole number >= 0; give the SQL statements per operation the guide claims (1 for \"a single query\")");
            }
        }
        double factor = 1;
        if (keys.containsKey("factor")) {
            String raw = bare(keys.get("factor"));
            try {
                factor = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                factor = Double.NaN;
            }
            if (!(factor >= 1) || Double.isInfinite(factor)) {
                throw new ReportException(prefix + "factor=" + raw
                        + " is not a number >= 1; give the speed-up the guide claims (1 when it only says \"faster\")");
            }
        }
        Map<String, String> where = new LinkedHashMap<>();
        String rawWhere = bare(keys.getOrDefault("where", ""));
        if (!rawWhere.isEmpty()) {
            for (String part : rawWhere.split(",")) {
                String[] nameValue = part.split("=", 2);
                if (nameValue.length != 2 || nameValue[0].isBlank() || nameValue[1].isBlank()) {
                    throw new ReportException(prefix + "where=" + rawWhere
                            + " is not a list of name=value pairs, e.g. where=rows=5000,batch=100");
                }
                where.put(nameValue[0].strip(), nameValue[1].strip());
            }
        }
        Claim.Source source = Claim.Source.UNSTATED;
        if (keys.containsKey("source")) {
            String raw = bare(keys.get("source"));
            source = Arrays.stream(Claim.Source.values()).filter(s -> s != Claim.Source.UNSTATED && s.key().equals(raw))
                    .findFirst().orElseThrow(() -> new ReportException(prefix + "source=" + raw
                            + " is not understood; use source=guide, source=other or source=suite"));
        }
        return new Claim(n, keys.get("text"), bare(keys.getOrDefault("baseline", "")), bare(keys.get("variant")), factor, where,
                bare(keys.getOrDefault("metric", "")), source, keys.getOrDefault("section", ""),
                keys.getOrDefault("quote", ""), keys.getOrDefault("reading", ""), statements);
    }

    /**
     * A value without a trailing "  # comment". Properties files have no inline comments, but the
     * metadata examples use them; names, numbers and conditions never contain '#', so this is safe there
     * (and is not applied to free text).
     */
    private static String bare(String value) {
        return value.replaceFirst("\\s+#.*$", "").strip();
    }
}
