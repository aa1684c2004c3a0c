package dev.dbbench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * JMH's own options, accepted under JMH's names so they work as JMH users expect. picocli only
 * recognises them (so unknown options and typos fail before anything runs, and {@code -h} lists
 * them); their meaning stays JMH's: the matched arguments are handed unchanged to JMH's
 * {@link CommandLineOptions}, which parses and validates them.
 */
final class JmhOptions {
    static final String SECTION = "jmhOptions";

    /** One JMH option: its name, its value's label ({@code null} for a flag), whether it may repeat. */
    record Spec(String name, String label, boolean repeatable, String description) {
        boolean flag() {
            return label == null;
        }
    }

    static final List<Spec> ALL = List.of(
            new Spec("-f", "<int>", false, "forks per benchmark (0 runs in this JVM: not recommended)"),
            new Spec("-wf", "<int>", false, "warm-up forks per benchmark, not counted"),
            new Spec("-wi", "<int>", false, "warm-up iterations"),
            new Spec("-w", "<time>", false, "minimum time per warm-up iteration, e.g. 500ms, 2s"),
            new Spec("-i", "<int>", false, "measurement iterations"),
            new Spec("-r", "<time>", false, "minimum time per measurement iteration"),
            new Spec("-t", "<int>", false, "worker threads ('max': hardware threads)"),
            new Spec("-tg", "<int,...>", false, "thread group distribution for asymmetric benchmarks"),
            new Spec("-bm", "<mode,...>", false, "benchmark modes: thrpt, avgt, sample, ss, all"),
            new Spec("-tu", "<unit>", false, "output time unit: m, s, ms, us, ns"),
            new Spec("-opi", "<int>", false, "operations per invocation"),
            new Spec("-bs", "<int>", false, "measurement batch size"),
            new Spec("-wbs", "<int>", false, "warm-up batch size"),
            new Spec("-to", "<time>", false, "timeout per iteration"),
            new Spec("-si", "<bool>", false, "synchronise iterations across threads"),
            new Spec("-gc", "<bool>", false, "force GC between iterations"),
            new Spec("-foe", "<bool>", false, "stop the whole run at the first benchmark error"),
            new Spec("-v", "<mode>", false, "JMH verbosity: SILENT, NORMAL, EXTRA"),
            new Spec("-wm", "<mode>", false, "warm-up mode: INDI, BULK, BULK_INDI"),
            new Spec("-wmb", "<regexp>", true, "extra benchmarks to warm up with, not measured"),
            new Spec("-e", "<regexp>", true, "exclude benchmarks matching"),
            new Spec("-p", "<name=v1,v2>", true, "parameter values, once per parameter"),
            new Spec("-prof", "<profiler>", true, "add a profiler, e.g. gc (see -lprof)"),
            new Spec("-jvm", "<path>", false, "JVM for the forks"),
            new Spec("-jvmArgs", "<string>", true, "fork JVM arguments, replacing the inherited ones"),
            new Spec("-jvmArgsAppend", "<string>", true, "fork JVM arguments appended"),
            new Spec("-jvmArgsPrepend", "<string>", true, "fork JVM arguments prepended"),
            new Spec("-o", "<file>", false, "JMH's human-readable output to this file"),
            new Spec("-rf", "<type>", false, "extra copy of the results in this format: text, csv, scsv, json, latex"),
            new Spec("-rff", "<file>", false, "extra copy of the results to this file (default jmh-result.<type>)"),
            new Spec("-l", null, false, "list the benchmarks that match, and exit"),
            new Spec("-lp", null, false, "list the benchmarks that match with their parameters, and exit"),
            new Spec("-lrf", null, false, "list the result formats, and exit"),
            new Spec("-lprof", null, false, "list the profilers, and exit"));

    private JmhOptions() {}

    /**
     * Adds every JMH option to {@code spec}, hidden from the main option list: they are shown in a
     * section of their own, so the help separates dbbench's options from JMH's.
     */
    static void addTo(CommandSpec spec) {
        for (Spec s : ALL) {
            OptionSpec.Builder b = OptionSpec.builder(s.name()).hidden(true).description(s.description());
            if (s.flag()) {
                b.arity("0").type(boolean.class);
            } else if (s.repeatable()) {
                b.arity("1").type(List.class).auxiliaryTypes(String.class).paramLabel(s.label());
            } else {
                b.arity("1").type(String.class).paramLabel(s.label());
            }
            spec.addOption(b.build());
        }
        spec.usageMessage().sectionMap().put(SECTION, JmhOptions::renderHelp);
        List<String> keys = new ArrayList<>(spec.usageMessage().sectionKeys());
        keys.add(keys.indexOf(picocli.CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1, SECTION);
        spec.usageMessage().sectionKeys(keys);
    }

    private static String renderHelp(Help help) {
        StringBuilder out = new StringBuilder("%nJMH options (they override the profile; see JMH's own -h for details):%n".formatted());
        for (Spec s : ALL) {
            String left = s.flag() ? s.name() : s.name() + " " + s.label();
            out.append(String.format(Locale.ROOT, "  %-26s %s%n", left, s.description()));
        }
        return out.toString();
    }

    /** The JMH arguments the person gave, in JMH's syntax, followed by the selection regexes. */
    static List<String> argv(ParseResult parsed, List<String> regexes) {
        List<String> argv = new ArrayList<>();
        for (Spec s : ALL) {
            if (!parsed.hasMatchedOption(s.name())) {
                continue;
            }
            if (s.flag()) {
                argv.add(s.name());
                continue;
            }
            for (String value : parsed.matchedOption(s.name()).originalStringValues()) {
                argv.add(s.name());
                argv.add(value);
            }
        }
        if (!regexes.isEmpty()) {
            // Ends option parsing, so a regex can never be taken for an option.
            argv.add("--");
            argv.addAll(regexes);
        }
        return argv;
    }

    /** JMH's reading of {@code argv}; a value JMH rejects becomes a one-line setup error. */
    static CommandLineOptions parse(List<String> argv) {
        try {
            return new CommandLineOptions(argv.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new SetupException("JMH option rejected: " + e.getMessage() + ". Run with -h for the options and their values", e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // JMH reads some values (-bm's modes) outside its own option checks, and throws these.
            throw new SetupException("JMH option rejected: " + e.getMessage() + ". Run with -h for the options and their values"
                    + " (-bm takes thrpt, avgt, sample, ss or all)", e);
        }
    }
}
