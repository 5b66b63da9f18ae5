package com.tanhdev.pullsecret.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Renders the outcomes as an aligned table and a one-line summary. */
final class ResultTable {

  private static final List<String> HEADERS = List.of("NAMESPACE", "KIND", "NAME", "RESULT", "WHY");
  private static final List<Function<WorkloadOutcome, String>> COLUMNS =
      List.of(
          WorkloadOutcome::namespace,
          WorkloadOutcome::kind,
          WorkloadOutcome::name,
          outcome -> outcome.result().label(),
          WorkloadOutcome::why);

  private final List<WorkloadOutcome> outcomes;
  private final String secret;

  ResultTable(List<WorkloadOutcome> outcomes, String secret) {
    this.outcomes = List.copyOf(outcomes);
    this.secret = secret;
  }

  String render() {
    int[] widths = new int[HEADERS.size()];
    for (int column = 0; column < widths.length; column++) {
      widths[column] = HEADERS.get(column).length();
      for (WorkloadOutcome outcome : outcomes) {
        widths[column] = Math.max(widths[column], COLUMNS.get(column).apply(outcome).length());
      }
    }
    StringBuilder table = new StringBuilder();
    appendRow(table, HEADERS, widths);
    for (WorkloadOutcome outcome : outcomes) {
      appendRow(table, COLUMNS.stream().map(column -> column.apply(outcome)).toList(), widths);
    }
    return table.append('\n').append(summary()).append('\n').toString();
  }

  String summary() {
    List<String> parts = new ArrayList<>();
    parts.add("Injected " + count(Result.INJECTED) + " of " + outcomes.size() + " workloads");
    long present = count(Result.ALREADY_PRESENT);
    if (present > 0) {
      parts.add(present + " already had the secret");
    }
    long publicOnly = count(Result.NO_REGISTRY_IMAGE);
    if (publicOnly > 0) {
      parts.add(publicOnly + (publicOnly == 1 ? " pulls" : " pull") + " only public images");
    }
    long missing = count(Result.SECRET_MISSING);
    if (missing > 0) {
      List<String> namespaces =
          outcomes.stream()
              .filter(outcome -> outcome.result() == Result.SECRET_MISSING)
              .map(WorkloadOutcome::namespace)
              .distinct()
              .toList();
      parts.add(
          missing
              + " skipped because "
              + String.join(" and ", namespaces)
              + (namespaces.size() == 1 ? " has" : " have")
              + " no "
              + secret
              + " secret");
    }
    long unexpected = count(Result.UNEXPECTED);
    if (unexpected > 0) {
      parts.add(unexpected + " unexpected (see the table)");
    }
    return String.join("; ", parts);
  }

  private long count(Result result) {
    return outcomes.stream().filter(outcome -> outcome.result() == result).count();
  }

  private static void appendRow(StringBuilder table, List<String> cells, int[] widths) {
    StringBuilder row = new StringBuilder();
    for (int column = 0; column < cells.size(); column++) {
      row.append(String.format("%-" + widths[column] + "s", cells.get(column)));
      row.append(column == cells.size() - 1 ? "" : "  ");
    }
    table.append(row.toString().stripTrailing()).append('\n');
  }
}
