package dev.dbbench.report;

import dev.dbbench.results.Failure;

import java.util.List;

/** A question with its groups of ranked variants and the failures of its class in this run. */
public record QuestionReport(Question question, List<Group> groups, List<Failure> failures) {
    public QuestionReport {
        groups = List.copyOf(groups);
        failures = List.copyOf(failures);
    }
}
