// cmd_validate.cpp — `closedset validate FILE [--format text|json]`.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/cli.hpp"
#include "notation/format.hpp"
#include "notation/mesh_import.hpp"
#include "notation/phrasing.hpp"
#include "notation/seal.hpp"

namespace cs::cli {

nlohmann::ordered_json problems_json(const LoadResult& r) {
  nlohmann::ordered_json problems = nlohmann::ordered_json::array();
  for (const Diagnostic& d : r.errors) {
    nlohmann::ordered_json e;
    if (d.line > 0) {
      e["line"] = d.line;
      e["column"] = d.column;
    } else {
      e["path"] = d.path;
    }
    e["message"] = d.message;
    problems.push_back(std::move(e));
  }
  return problems;
}

void add_validate(CLI::App& app, Runner& run) {
  struct Options {
    std::string file;
    std::string format = "text";
    std::string passphrase_file;
  };
  auto opt = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("validate", "Load and validate a scene file; list every problem with where it is");
  sub->add_option("FILE", opt->file, "Scene file (NAME.closedset.json)")->required();
  sub->add_option("--format", opt->format, "Output: text for a person, json for tools")
      ->check(CLI::IsMember({"text", "json"}));
  add_passphrase_option(sub, opt->passphrase_file);
  sub->footer("Mesh props are loaded too (as check loads them). Exit status: 0 valid, 2 problems found or bad "
              "usage, 3 internal error.");
  sub->callback([opt, &run] {
    run = [opt] {
      const OpenedScene scene(opt->file, opt->passphrase_file);
      const LoadResult& r = scene.load;
      // The meshes too, as `check` loads them: a scene whose mesh cannot load is not valid.
      const PropMeshes meshes =
          r.ok() ? load_prop_meshes(*r.document, std::filesystem::path(opt->file).parent_path()) : PropMeshes{};
      const bool valid = r.ok() && meshes.ok();
      if (opt->format == "json") {
        nlohmann::ordered_json j;
        j["file"] = opt->file;
        j["valid"] = valid;
        j["problems"] = problems_json(r);
        for (const std::string& e : meshes.errors) j["problems"].push_back({{"path", "/props"}, {"message", e}});
        j["more_problems_not_listed"] = r.suppressed;
        std::cout << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
      } else if (r.ok() && !meshes.ok()) {
        for (const std::string& e : meshes.errors) say(stderr, "%s: %s\n", opt->file.c_str(), e.c_str());
        say(stderr, "%s: %s cannot be loaded; not valid\n", opt->file.c_str(),
                     plural(static_cast<long long>(meshes.errors.size()), "mesh", "meshes").c_str());
      } else if (r.ok()) {
        const Document& d = *r.document;
        say(stdout, "%s: valid — \"%s\": %s, %s, %s over counts %s to %s at %s bpm\n", opt->file.c_str(),
                    d.scene.title.c_str(), plural(static_cast<long long>(d.performers.size()), "performer").c_str(),
                    plural(static_cast<long long>(d.cameras.size()), "camera").c_str(),
                    plural(static_cast<long long>(d.choreography.beats.size()), "beat").c_str(),
                    count_label(d.first_count()).c_str(), count_label(d.last_count()).c_str(),
                    number_text(d.choreography.tempo_bpm).c_str());
      } else {
        for (const Diagnostic& d : r.errors) say(stderr, "%s\n", format_diagnostic(d).c_str());
        if (r.suppressed)
          say(stderr, "... and %s not listed\n",
                       plural(static_cast<long long>(r.suppressed), "more problem", "more problems").c_str());
        say(stderr, "%s: %s; not valid\n", opt->file.c_str(),
                     plural(static_cast<long long>(r.errors.size() + r.suppressed), "problem").c_str());
      }
      return valid ? kOk : kBadInput;
    };
  });
}

}  // namespace cs::cli
