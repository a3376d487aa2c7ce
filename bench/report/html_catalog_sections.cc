// html_catalog_sections.cc: the report-wide tables of the HTML page: indexes, server settings, dataset.
#include "bench/report/html_sections.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "bench/report/report_format.h"

namespace seedgen::bench {

namespace {

constexpr IndexVerdict kVerdicts[] = {IndexVerdict::kEssential, IndexVerdict::kHelpful, IndexVerdict::kUnused,
                                      IndexVerdict::kRedundant};

std::string verdict_badge(IndexVerdict verdict) {
  return fmt::format(R"(<span class="badge {0}">{0}</span>)", verdict_name(verdict));
}

// best_speedup_text: the index's best speedup, "≥ …" when the run that gave it timed out.
std::string best_speedup_text(const BenchReport& report, const IndexReport& index) {
  if (index.best_speedup <= 0) return R"(<span class="muted">—</span>)";
  for (const auto& analysis : report.analyses) {
    for (const auto& speedup : analysis.index_speedups) {
      if (speedup.index != index.name || !speedup.timed_out || speedup.with_ms <= 0) continue;
      double ratio = speedup.without_ms / speedup.with_ms;
      if (std::fabs(ratio - index.best_speedup) <= 1e-9 * std::max(1.0, ratio)) {
        return R"(<span class="warn">≥ )" + format_ratio(ratio) + R"(<br><small>timed out</small></span>)";
      }
    }
  }
  return format_ratio(index.best_speedup);
}

std::string selectivity_text(const IndexReport& index) {
  if (index.leading_selectivity < 0) return R"(<span class="muted">—</span>)";
  std::string percent = format_percent(index.leading_selectivity);
  return index.low_selectivity ? R"(<span class="pill low-pill">low · )" + percent + "</span>" : percent;
}

std::string index_name_cell(const IndexReport& index) {
  std::string tags;
  if (index.from_query_catalog) tags += R"( <span class="tag catalog">catalog</span>)";
  if (index.backs_constraint) tags += R"( <span class="tag">constraint</span>)";
  else if (index.is_unique) tags += R"( <span class="tag">unique</span>)";
  return fmt::format(R"(<td><code class="name">{}</code>{}<div class="def">{}</div></td>)", html_breakable(index.name),
                     tags, html_escape(index.definition));
}

std::string used_by_text(const IndexReport& index) {
  if (index.used_by.empty()) return R"(<span class="muted">—</span>)";
  std::string names;
  for (const auto& query : index.used_by) {
    names += (names.empty() ? "" : ", ") + fmt::format("<code>{}</code>", html_breakable(query));
  }
  return names;
}

std::string index_row(const BenchReport& report, const IndexReport& index) {
  return "<tr>" + index_name_cell(index) +
         fmt::format(R"(<td><code>{}</code></td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td>)",
                     html_breakable(index.table), format_bytes(index.size_bytes), format_seconds(index.build_seconds),
                     format_count(static_cast<double>(index.scans_gained))) +
         "<td>" + used_by_text(index) + "</td>" + R"(<td class="num">)" + best_speedup_text(report, index) + "</td>" +
         R"(<td class="num">)" + selectivity_text(index) + "</td>" +
         fmt::format(R"(<td>{}<div class="reason">{}</div></td></tr>)", verdict_badge(index.verdict),
                     html_escape(index.reason));
}

std::string low_selectivity_callout(const BenchReport& report) {
  std::string items;
  for (const auto& index : report.indexes) {
    if (!index.low_selectivity) continue;
    std::string share = index.leading_selectivity < 0 ? "unknown" : format_percent(index.leading_selectivity);
    items += fmt::format("<li><code>{}</code> on <code>{}</code>: each value of its leading column matches {} of the "
                         "rows</li>",
                         html_escape(index.name), html_escape(index.table), share);
  }
  if (items.empty()) return "";
  return R"(<div class="callout"><b>Low-selectivity indexes</b><ul>)" + items + "</ul></div>";
}

}  // namespace

std::string render_index_section(const BenchReport& report) {
  std::string section = R"(<section class="card" id="indexes"><h2>Indexes</h2>)";
  if (report.indexes.empty()) return section + R"(<p class="muted">No indexes were analysed.</p></section>)";
  std::string counts;
  for (IndexVerdict verdict : kVerdicts) {
    auto count = std::count_if(report.indexes.begin(), report.indexes.end(),
                               [verdict](const IndexReport& index) { return index.verdict == verdict; });
    counts += fmt::format(R"(<span class="count">{} {}</span>)", count, verdict_badge(verdict));
  }
  auto from_catalog = std::count_if(report.indexes.begin(), report.indexes.end(),
                                    [](const IndexReport& index) { return index.from_query_catalog; });
  section += fmt::format(R"(<p class="counts">{} <span class="muted">{} indexes, {} added by the query catalog</span></p>)",
                         counts, report.indexes.size(), from_catalog);
  section += low_selectivity_callout(report);
  section += R"(<table class="indexes"><colgroup><col style="width:25%"><col style="width:12%"><col style="width:7%">)"
             R"(<col style="width:6%"><col style="width:6%"><col style="width:11%"><col style="width:9%">)"
             R"(<col style="width:9%"><col style="width:15%"></colgroup><thead><tr><th>Index</th><th>Table</th>)"
             R"(<th class="num">Size</th><th class="num">Build</th><th class="num">Scans</th><th>Used by</th>)"
             R"(<th class="num">Best speedup</th><th class="num">Selectivity</th><th>Verdict</th></tr></thead><tbody>)";
  for (const auto& index : report.indexes) section += index_row(report, index);
  return section + "</tbody></table></section>";
}

std::string render_settings_section(const BenchReport& report) {
  std::string rows;
  for (const auto& [name, value] : report.server.settings) {
    rows += fmt::format(R"(<tr><td><code>{}</code></td><td><code>{}</code></td></tr>)", html_escape(name),
                        html_escape(value));
  }
  std::string section = fmt::format(R"(<section class="card" id="settings"><h2>Server settings</h2>)"
                                    R"(<p class="muted">PostgreSQL {}</p>)",
                                    html_escape(report.server.version));
  if (rows.empty()) return section + R"(<p class="muted">No settings were recorded.</p></section>)";
  return section + R"(<table class="narrow"><thead><tr><th>Setting</th><th>Value</th></tr></thead><tbody>)" + rows +
         "</tbody></table></section>";
}

std::string render_dataset_section(const BenchReport& report) {
  const DatasetFingerprint& dataset = report.dataset;
  int64_t total_rows = 0;
  for (const auto& [table, rows] : dataset.row_counts) total_rows += rows;
  std::string rows;
  for (const auto& [table, count] : dataset.row_counts) {
    auto checksum = dataset.checksums.find(table);
    std::string sha = checksum == dataset.checksums.end() ? "" : checksum->second;
    rows += fmt::format(R"(<tr><td><code>{}</code></td><td class="num">{}</td><td><code class="def">{}</code></td></tr>)",
                        html_escape(table), format_count(static_cast<double>(count)), html_escape(sha));
  }
  return fmt::format(R"(<section class="card" id="dataset"><details><summary><b>Dataset tables</b> )"
                     R"(<span class="muted">{} tables, {} rows: row counts and COPY checksums</span></summary>)"
                     R"(<table class="narrow"><thead><tr><th>Table</th><th class="num">Rows</th><th>sha256</th></tr>)"
                     R"(</thead><tbody>{}</tbody></table></details></section>)",
                     dataset.row_counts.size(), format_count(static_cast<double>(total_rows)), rows);
}

}  // namespace seedgen::bench
