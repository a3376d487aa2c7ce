#include "score/score_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace seedgen::score {
namespace {

nlohmann::json tally_json(const Tally& tally) {
  return {
      {"true_positives", tally.true_positives},
      {"false_positives", tally.false_positives},
      {"false_negatives", tally.false_negatives},
      {"precision", rounded_ratio(tally.precision())},
      {"recall", rounded_ratio(tally.recall())},
      {"f1", rounded_ratio(tally.f1())},
      {"savings_found", money_as_dollars(tally.savings_found)},
      {"savings_available", money_as_dollars(tally.savings_available)},
      {"savings_claimed", money_as_dollars(tally.savings_claimed)},
  };
}

nlohmann::json dataset_json(const DatasetFingerprint& dataset) {
  return {
      {"run_id", dataset.run_id},
      {"profile", dataset.profile},
      {"seed", std::stoll(dataset.seed)},
      {"as_of", dataset.as_of},
      {"seedgen_version", dataset.seedgen_version},
      {"checksums", dataset.checksums},
  };
}

IncidentTally incident_total(const Execution& execution) {
  IncidentTally total;
  for (const auto& [kind, tally] : execution.incidents) {
    total.count += tally.count;
    total.cost += tally.cost;
  }
  return total;
}

nlohmann::json detection_json(const Execution& execution) {
  if (!execution.detection_measured) return {{"findings", nullptr}, {"not_measured", kNoReportTimes}};
  return {{"findings", execution.detected}, {"mean_days", std::stod(execution.mean_days_to_detect)},
          {"median_days", execution.median_days_to_detect}, {"max_days", execution.max_days_to_detect}};
}

nlohmann::json execution_json(const Execution& execution) {
  if (!execution.measured) {
    return {{"realised_savings", nullptr}, {"incidents", nullptr}, {"incident_cost", nullptr}, {"not_measured", kNotExecuted}};
  }
  nlohmann::json kinds = nlohmann::json::object();
  for (const auto& [kind, tally] : execution.incidents) {
    kinds[kind] = {{"count", tally.count}, {"cost", money_as_dollars(tally.cost)}};
  }
  const IncidentTally total = incident_total(execution);
  return {{"actions_completed", execution.completed}, {"actions_failed", execution.failed},
          {"monthly_savings", money_as_dollars(execution.monthly_savings)},
          {"realised_savings", money_as_dollars(execution.realised_savings)}, {"drifted_days", execution.drifted_days},
          {"incidents", total.count}, {"incident_cost", money_as_dollars(total.cost)}, {"incidents_by_kind", kinds},
          {"time_to_detect", detection_json(execution)}};
}

std::string execution_markdown(const Execution& execution) {
  if (!execution.measured) return fmt::format("Realised savings, incidents: not measured ({}).\n", kNotExecuted);
  const IncidentTally total = incident_total(execution);
  std::string text = fmt::format("\n## Actions\n\n{} completed, {} failed; monthly saving ${} when carried out, ${} "
                                 "realised over {} drifted days.\n",
                                 execution.completed, execution.failed, format_money(execution.monthly_savings),
                                 format_money(execution.realised_savings), execution.drifted_days);
  text += fmt::format("Incidents: {} costing ${}", total.count, format_money(total.cost));
  std::vector<std::string> kinds;
  for (const auto& [kind, tally] : execution.incidents) {
    kinds.push_back(fmt::format("{} {} (${})", kind, tally.count, format_money(tally.cost)));
  }
  text += kinds.empty() ? ".\n" : fmt::format(": {}.\n", fmt::join(kinds, ", "));
  if (!execution.detection_measured) return text + fmt::format("Time to detect: not measured ({}).\n", kNoReportTimes);
  return text + fmt::format("Time to detect: {} true findings timed, mean {} days, median {}, slowest {}.\n",
                            execution.detected, execution.mean_days_to_detect, execution.median_days_to_detect,
                            execution.max_days_to_detect);
}

std::string ratio_text(double value) { return fmt::format("{:.4f}", rounded_ratio(value)); }

std::string table_row(const std::string& label, const Tally& tally) {
  return fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", label, tally.true_positives,
                     tally.false_positives, tally.false_negatives, ratio_text(tally.precision()),
                     ratio_text(tally.recall()), ratio_text(tally.f1()), format_money(tally.savings_found),
                     format_money(tally.savings_available));
}

}  // namespace

std::string render_score_json(const ScoreReport& report) {
  const Scorecard& card = report.card;
  nlohmann::json patterns = nlohmann::json::array();
  for (const auto& score : card.patterns) {
    nlohmann::json row = tally_json(score.tally);
    row["pattern"] = score.pattern;
    patterns.push_back(std::move(row));
  }
  const nlohmann::json document = {
      {"dataset", dataset_json(report.dataset)},
      {"findings", {{"source", report.findings_source}, {"rows", card.findings_read},
                    {"unique", card.findings_read - card.duplicates}, {"duplicates", card.duplicates}}},
      {"overall", tally_json(card.overall)},
      {"patterns", patterns},
      {"near_misses_reported", {{"value", nullptr}, {"not_measured", kNearMissesUnrecorded}}},
      {"execution", execution_json(report.execution)},
  };
  return document.dump(2) + "\n";
}

std::string render_score_markdown(const ScoreReport& report) {
  const Scorecard& card = report.card;
  const DatasetFingerprint& dataset = report.dataset;
  const Tally& overall = card.overall;
  std::string text = "# seedgen score\n\n";
  text += fmt::format("Dataset: profile `{}`, seed {}, as_of {}, run {} (seedgen {}).\n", dataset.profile, dataset.seed,
                      dataset.as_of, dataset.run_id, dataset.seedgen_version);
  text += fmt::format("Findings: {} from `{}` ({} unique, {} duplicates).\n\n", card.findings_read, report.findings_source,
                      card.findings_read - card.duplicates, card.duplicates);
  text += fmt::format("**Overall: precision {}, recall {}, F1 {}**; savings found ${} of ${} available "
                      "(the agent claimed ${}).\n\n",
                      ratio_text(overall.precision()), ratio_text(overall.recall()), ratio_text(overall.f1()),
                      format_money(overall.savings_found), format_money(overall.savings_available),
                      format_money(overall.savings_claimed));
  text += "| Pattern | TP | FP | FN | Precision | Recall | F1 | Savings found | Available |\n";
  text += "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& score : card.patterns) text += table_row("`" + score.pattern + "`", score.tally);
  text += table_row("**overall**", overall);
  text += fmt::format("\nNear misses reported: not measured ({}).\n", kNearMissesUnrecorded);
  text += execution_markdown(report.execution);
  return text;
}

std::optional<std::string> gate_failure(const Scorecard& card, double min_f1) {
  const double f1 = rounded_ratio(card.overall.f1());
  if (f1 >= min_f1) return std::nullopt;
  std::vector<std::string> names;
  for (const PatternScore* score : worst_patterns(card, 3)) {
    names.push_back(fmt::format("{} {}", score->pattern, ratio_text(score->tally.f1())));
  }
  return fmt::format("overall F1 {} is below --min-f1 {} (worst: {})", ratio_text(f1), min_f1, fmt::join(names, ", "));
}

}  // namespace seedgen::score
