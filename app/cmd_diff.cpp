// cmd_diff.cpp — `closedset diff OLD NEW [--format text|json]` (two files) or
// `closedset diff FILE --from N [--to M]` (two versions in one file's history).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/cli.hpp"
#include "notation/diff.hpp"
#include "notation/edits.hpp"
#include "notation/format.hpp"
#include "notation/mesh_import.hpp"
#include "notation/phrasing.hpp"

namespace cs::cli {

namespace {

struct Side {
  std::string label;                // "scene.closedset.json" or "scene.closedset.json, version 3"
  ChoreographyVersion version;
};

// The version to compare of a loaded file: an issued one (`number` > 0) or the current one.
bool pick(const Document& d, const std::string& file, int number, Side& out) {
  if (number <= 0) {
    out.version = snapshot_of(d, "", "");
    out.label = file + ", version " + std::to_string(d.choreography.version) + " (current)";
    return true;
  }
  if (number == d.choreography.version && !current_version_issued(d)) {
    out.version = snapshot_of(d, "", "");
    out.label = file + ", version " + std::to_string(number) + " (current, not yet issued)";
    return true;
  }
  const ChoreographyVersion* v = issued_version(d, number);
  if (!v) {
    std::string issued;
    for (const ChoreographyVersion& h : d.choreography.history) issued += (issued.empty() ? "" : ", ") + std::to_string(h.version);
    say(stderr, "closedset diff: %s has no version %d (issued: %s; current: %d)\n", file.c_str(), number,
                 issued.empty() ? "none" : issued.c_str(), d.choreography.version);
    return false;
  }
  out.version = *v;
  out.label = file + ", version " + std::to_string(number) + (v->date.empty() ? "" : " of " + v->date);
  return true;
}

std::optional<Document> load(const std::string& file, const std::string& passphrase_file) {
  OpenedScene scene(file, passphrase_file);
  LoadResult& r = scene.load;
  if (r.ok()) return std::move(*r.document);
  for (const Diagnostic& d : r.errors) say(stderr, "%s\n", format_diagnostic(d).c_str());
  say(stderr, "%s: not valid; nothing compared\n", file.c_str());
  return std::nullopt;
}

}  // namespace

void add_diff(CLI::App& app, Runner& run) {
  struct Options {
    std::vector<std::string> files;
    int from = 0, to = 0;
    std::string format = "text";
    bool no_exposure = false;
    int threads = 0;
    std::string passphrase_file;
  };
  auto opt = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "diff", "What changed in the choreography between two files, or two versions of one file, beat by beat");
  sub->add_option("FILES", opt->files, "OLD NEW (two scene files), or one FILE with --from")->required()->expected(1, 2);
  sub->add_option("--from", opt->from, "With one FILE: the issued version to compare from")->check(CLI::Range(1, 100000));
  sub->add_option("--to", opt->to, "With one FILE: the version to compare to (default: the current one)")
      ->check(CLI::Range(1, 100000));
  sub->add_option("--format", opt->format, "Output: text for a person, json for tools")->check(CLI::IsMember({"text", "json"}));
  sub->add_flag("--no-exposure", opt->no_exposure, "Do not stage and mask both versions to compare what each camera sees");
  sub->add_option("--threads", opt->threads, "Masking threads (0: all cores)")->check(CLI::Range(0, 256));
  add_passphrase_option(sub, opt->passphrase_file);  // one passphrase opens both files
  sub->footer("Lists beats added, removed, re-timed and relabelled; contacts added, removed or changed; poses changed "
              "by more than 2° or 1 cm; breath and eyelines; garments on and off; props, cameras and masking notes; and, "
              "unless --no-exposure, each performer's exposure on each camera. JSON schema closedset-diff/1: see the README. "
              "Exit status: 0 nothing changed, 1 something changed, 2 bad input, 3 internal error.");
  sub->callback([opt, &run] {
    run = [opt] {
      if (opt->files.size() == 1 && opt->from == 0) {
        say(stderr, "closedset diff: give two files (OLD NEW), or one FILE and --from N\n");
        return kBadInput;
      }
      if (opt->files.size() == 2 && (opt->from != 0 || opt->to != 0)) {
        say(stderr, "closedset diff: --from and --to are for two versions of one file; with two files, each file's current version is compared\n");
        return kBadInput;
      }
      const std::optional<Document> old_doc = load(opt->files.front(), opt->passphrase_file);
      if (!old_doc) return kBadInput;
      std::optional<Document> new_doc;
      if (opt->files.size() == 2) {
        new_doc = load(opt->files.back(), opt->passphrase_file);
        if (!new_doc) return kBadInput;
      }
      const Document& names = new_doc ? *new_doc : *old_doc;
      Side a, b;
      if (!pick(*old_doc, opt->files.front(), opt->files.size() == 2 ? 0 : opt->from, a)) return kBadInput;
      if (!pick(names, opt->files.back(), opt->files.size() == 2 ? 0 : opt->to, b)) return kBadInput;
      DiffOptions o;
      o.exposure = !opt->no_exposure;
      o.threads = opt->threads;
      const PropMeshes meshes = load_prop_meshes(names, std::filesystem::path(opt->files.back()).parent_path());
      if (o.exposure && !meshes.ok()) {
        for (const std::string& e : meshes.errors) say(stderr, "%s: %s\n", opt->files.back().c_str(), e.c_str());
        say(stderr, "closedset diff: a prop's mesh cannot be loaded, so exposure cannot be compared (use --no-exposure to compare the notation only)\n");
        return kBadInput;
      }
      o.meshes = &meshes;
      const ChoreographyDiff diff = diff_versions(a.version, b.version, names, o);
      if (opt->format == "json") {
        nlohmann::ordered_json j;
        j["format"] = "closedset-diff";
        j["version"] = 1;
        j["from"] = {{"file", opt->files.front()}, {"version", a.version.version}};
        j["to"] = {{"file", opt->files.back()}, {"version", b.version.version}};
        j["exposure_compared"] = o.exposure;
        nlohmann::ordered_json changes = nlohmann::ordered_json::array();
        for (const Change& c : diff.changes) {
          nlohmann::ordered_json e;
          e["kind"] = std::string(change_kind_name(c.kind));
          e["beat"] = c.beat.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.beat);
          e["subject"] = c.subject;
          e["performers"] = c.performers;
          e["camera"] = c.camera.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.camera);
          e["amount"] = c.amount;
          e["text"] = c.text;
          changes.push_back(std::move(e));
        }
        j["changes"] = std::move(changes);
        std::cout << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
      } else {
        say(stdout, "%s\n  → %s\n", a.label.c_str(), b.label.c_str());
        if (diff.empty()) say(stdout, "\nNo change%s.\n", o.exposure ? "" : " in the notation (exposure not compared)");
        else say(stdout, "%s\n%s\n", lines(diff_text(diff, names)), plural(static_cast<long long>(diff.changes.size()), "change").c_str());
      }
      return diff.empty() ? kOk : kFindings;
    };
  });
}

}  // namespace cs::cli
