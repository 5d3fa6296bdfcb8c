// cmd_check.cpp — `closedset check FILE [--format text|json] [--samples-per-count N] [--samples-wide N]
// [--suggest-moves]`, and `closedset check --list-codes [--format text|json|md]` (the catalogue of
// finding codes; `--format md` is the README's table of checks).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <optional>
#include <thread>
#include <vector>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/cli.hpp"
#include "notation/checks.hpp"
#include "notation/format.hpp"
#include "notation/mesh_import.hpp"
#include "notation/phrasing.hpp"

namespace cs::cli {

namespace {

std::string count_span(const Finding& f) {
  char buf[64];
  // Counts are exact binary fractions (1/64 at the finest sampling): print them whole, not rounded.
  if (f.from_count == f.to_count) std::snprintf(buf, sizeof buf, "%.10g", f.from_count);
  else std::snprintf(buf, sizeof buf, "%.10g–%.10g", f.from_count, f.to_count);
  return buf;
}

using Moves = std::vector<std::optional<MaskingMove>>;  // per finding (empty: not asked for)

// --suggest-moves: for each finding of a camera seeing something, the smallest
// camera move that stops it reading (smallest_masking_move), on all cores.
Moves suggest_moves(const Document& d, const CheckReport& r, const CheckOptions& o) {
  Moves out(r.findings.size());
  std::atomic<std::size_t> next{0};
  CheckOptions one = o;
  one.threads = 1;
  auto work = [&] {
    for (std::size_t i = next++; i < out.size(); i = next++) out[i] = smallest_masking_move(d, r.findings[i], one);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::max(1u, std::thread::hardware_concurrency()); ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return out;
}

// How finely the timeline was examined: "1/64 count".
std::string step_text(double step) {
  if (!(step > 0)) return "none";
  const double inv = 1.0 / step;
  char buf[64];
  if (std::abs(inv - std::round(inv)) < 1e-6) std::snprintf(buf, sizeof buf, "1/%.0f count", std::round(inv));
  else std::snprintf(buf, sizeof buf, "%.4g count", step);
  return buf;
}

void print_text(const Document& d, const CheckReport& r, const std::string& file, const Moves& moves, bool fine_space) {
  say(stdout, "%s — \"%s\", choreography v%d (%s), %s, %d more in between, finest %s%s\n", file.c_str(),
              d.scene.title.c_str(), d.choreography.version, std::string(vocab_label(d.choreography.status)).c_str(),
              plural(r.samples, "sample").c_str(), r.refined_samples, step_text(r.finest_step).c_str(),
              fine_space ? ("; " + plural(static_cast<long long>(r.fine_windows), "window") + " of small regions recounted 4x finer")
                               .c_str()
                         : "");
  say(stdout, "Pause word: %s\n", pause_word_text(d.safety).c_str());
  // Grouped by beat, in timeline order; findings with no beat come first.
  std::vector<std::string> order;
  order.push_back("");
  for (const Beat& b : d.choreography.beats) order.push_back(b.id);
  for (const std::string& beat_id : order) {
    bool header = false;
    for (const Finding& f : r.findings) {
      if (f.beat != beat_id) continue;
      if (!header) {
        if (beat_id.empty()) say(stdout, "\nScene\n");
        else {
          const Beat* b = d.beat(beat_id);
          say(stdout, "\n%s  %s  (counts %g–%g)\n", beat_id.c_str(), b ? b->label.c_str() : "",
                      b ? b->start_count : 0.0, b ? b->end_count() : 0.0);
        }
        header = true;
      }
      const char* sev = f.severity == Severity::error ? "ERROR  " : f.severity == Severity::warning ? "warning" : "info   ";
      say(stdout, "  %s  %-26s count %-9s %s%s\n", sev, std::string(finding_info(f.code).id).c_str(),
                  count_span(f).c_str(), f.camera.empty() ? "" : ("[" + f.camera + "] ").c_str(), f.message.c_str());
      if (!f.suggestion.empty()) say(stdout, "  %7s  %-26s %-15s → %s\n", "", "", "", f.suggestion.c_str());
      if (!moves.empty())
        if (const std::optional<MaskingMove>& m = moves[static_cast<std::size_t>(&f - r.findings.data())])
          say(stdout, "  %7s  %-26s %-15s → %s\n", "", "", "", m->sentence().c_str());
    }
  }
  say(stdout, "\n%s, %s, %s\n", plural(r.errors(), "error").c_str(), plural(r.warnings(), "warning").c_str(),
              plural(r.infos(), "info", "info").c_str());
}

void print_json(const Document& d, const CheckReport& r, const std::string& file, int spc, const Moves& moves) {
  nlohmann::ordered_json j;
  j["file"] = file;
  j["schema"] = "closedset-check/1";
  j["valid"] = true;
  j["choreography_version"] = d.choreography.version;
  j["samples_per_count"] = spc;
  j["samples"] = r.samples;
  j["refined_samples"] = r.refined_samples;
  j["finest_step"] = r.finest_step;
  j["summary"] = {{"errors", r.errors()}, {"warnings", r.warnings()}, {"infos", r.infos()}};
  j["findings"] = nlohmann::ordered_json::array();
  for (const Finding& f : r.findings) {
    nlohmann::ordered_json e;
    e["code"] = finding_info(f.code).id;
    e["severity"] = severity_name(f.severity);
    e["beat"] = f.beat.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.beat);
    e["from_count"] = f.from_count;
    e["to_count"] = f.to_count;
    e["camera"] = f.camera.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.camera);
    e["performer"] = f.performer.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.performer);
    e["region"] = f.region ? nlohmann::ordered_json(std::string(vocab_name(*f.region))) : nlohmann::ordered_json(nullptr);
    e["other"] = f.other.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.other);
    e["message"] = f.message;
    e["suggestion"] = f.suggestion;
    if (!moves.empty()) {
      const std::optional<MaskingMove>& m = moves[static_cast<std::size_t>(&f - r.findings.data())];
      e["camera_move"] = m ? nlohmann::ordered_json{{"camera", m->camera},         {"direction", m->direction},
                                                   {"distance_m", m->distance_m}, {"count", m->count},
                                                   {"out_of_frame", m->out_of_frame}}
                           : nlohmann::ordered_json(nullptr);
    }
    j["findings"].push_back(std::move(e));
  }
  std::cout << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

// --list-codes: the catalogue (findings.hpp), as text, JSON or the README's markdown table.
void print_codes(const std::string& format) {
  if (format == "md") {
    std::fputs(finding_table_markdown().c_str(), stdout);
    return;
  }
  if (format == "json") {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const FindingInfo& f : finding_catalogue())
      j.push_back({{"code", f.id}, {"severity", severity_name(f.severity)}, {"when", f.when}});
    std::cout << j.dump(2) << "\n";
    return;
  }
  for (const FindingInfo& f : finding_catalogue())
    say(stdout, "%-26s %-8s %s\n", std::string(f.id).c_str(), std::string(severity_name(f.severity)).c_str(),
                std::string(f.when).c_str());
}

}  // namespace

void add_check(CLI::App& app, Runner& run) {
  struct Options {
    std::string file;
    std::string format = "text";
    int samples_per_count = 4;
    int width = 0;
    bool suggest_moves = false;
    bool fine_space = false;
    bool list_codes = false;
    std::string passphrase_file;
  };
  auto opt = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("check", "Check every beat and transition against boundaries, rider and garments");
  sub->add_option("FILE", opt->file, "Scene file");
  sub->add_option("--format", opt->format,
                  "Output: text for a person (grouped by beat), json for tools; md (with --list-codes only) the "
                  "README's table")
      ->check(CLI::IsMember({"text", "json", "md"}));
  sub->add_flag("--list-codes", opt->list_codes, "List every finding code with its severity and when it is raised");
  sub->add_option("--samples-per-count", opt->samples_per_count, "Timeline samples per count (default 4)")
      ->check(CLI::Range(1, 64));
  sub->add_option("--samples-wide", opt->width, "Masking rays across each camera's frame (default: masking default)")
      ->check(CLI::Range(16, 4096));
  sub->add_flag("--fine-space", opt->fine_space,
                "Adaptive space: recount every small region that may not read on a grid 4x finer inside its outline, so "
                "nothing slips between rays (slower; not yet the default)");
  sub->add_flag("--suggest-moves", opt->suggest_moves,
                "For each exposure or hidden garment that reads: the smallest camera move (5 to 40 cm left, right, up or "
                "down) that stops it reading at its worst moment (slower)");
  add_passphrase_option(sub, opt->passphrase_file);
  std::string codes = "Codes:\n";
  for (const FindingInfo& f : finding_catalogue())
    codes += "  " + std::string(f.id) + " (" + std::string(severity_name(f.severity)) + "): " + std::string(f.when) + "\n";
  sub->footer(codes + "Exit status: 0 no errors (warnings and infos allowed), 1 errors found, 2 bad input.");
  sub->callback([opt, &run] {
    run = [opt] {
      if (opt->list_codes) {
        if (!opt->file.empty()) {
          say(stderr, "closedset check: --list-codes takes no FILE\n");
          return kBadInput;
        }
        print_codes(opt->format);
        return kOk;
      }
      if (opt->file.empty()) {
        say(stderr, "closedset check: FILE is required (or --list-codes)\n");
        return kBadInput;
      }
      if (opt->format == "md") {
        say(stderr, "closedset check: --format md is only for --list-codes\n");
        return kBadInput;
      }
      const OpenedScene scene(opt->file, opt->passphrase_file);
      const LoadResult& r = scene.load;
      if (!r.ok()) {
        for (const Diagnostic& d : r.errors) say(stderr, "%s\n", format_diagnostic(d).c_str());
        say(stderr, "%s: not valid; fix these before checking\n", opt->file.c_str());
        if (opt->format == "json") {  // tools get the problems as data too
          nlohmann::ordered_json j;
          j["file"] = opt->file;
          j["schema"] = "closedset-check/1";
          j["valid"] = false;
          j["problems"] = problems_json(r);
          std::cout << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
        }
        return kBadInput;
      }
      const PropMeshes meshes = load_prop_meshes(*r.document, std::filesystem::path(opt->file).parent_path());
      if (!meshes.ok()) {
        for (const std::string& e : meshes.errors) say(stderr, "%s: %s\n", opt->file.c_str(), e.c_str());
        say(stderr, "%s: a prop's mesh could not be loaded; nothing was checked\n", opt->file.c_str());
        return kBadInput;
      }
      CheckOptions o;
      o.meshes = &meshes;
      o.samples_per_count = opt->samples_per_count;
      o.masking_width = opt->width;
      o.refine_space = opt->fine_space;
      const CheckReport report = run_checks(*r.document, o);
      const Moves moves = opt->suggest_moves ? suggest_moves(*r.document, report, o) : Moves{};
      if (opt->format == "json") print_json(*r.document, report, opt->file, opt->samples_per_count, moves);
      else print_text(*r.document, report, opt->file, moves, opt->fine_space);
      return report.errors() > 0 ? kFindings : kOk;
    };
  });
}

}  // namespace cs::cli
