// cmd_fmt.cpp — `closedset fmt FILE [--check]`: rewrite a scene in canonical form.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "app/cli.hpp"
#include "notation/format.hpp"

namespace cs::cli {

void add_fmt(CLI::App& app, Runner& run) {
  struct Options {
    std::string file;
    bool check = false;
  };
  auto opt = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "fmt", "Rewrite a scene file in canonical form (fixed key order, 2-space indent), as the editor saves it");
  sub->add_option("FILE", opt->file, "Scene file")->required();
  sub->add_flag("--check", opt->check, "Change nothing; exit 1 if the file is not in canonical form");
  sub->footer("The previous version is kept as FILE.bak (and the two before it as FILE.bak.2, FILE.bak.3). "
              "A read-only FILE is not rewritten. Exit status: 0 done (or already canonical), "
              "1 not canonical (--check), 2 bad input or refused.");
  sub->callback([opt, &run] {
    run = [opt] {
      const LoadResult r = load_scene_file(opt->file);
      if (!r.ok()) {
        for (const Diagnostic& d : r.errors) say(stderr, "%s\n", format_diagnostic(d).c_str());
        say(stderr, "%s: not valid; nothing was rewritten\n", opt->file.c_str());
        return kBadInput;
      }
      const std::string canonical = save_scene_text(*r.document);
      std::ifstream in(opt->file, std::ios::binary);
      std::ostringstream current;
      current << in.rdbuf();
      if (current.str() == canonical) {
        say(stdout, "%s: already canonical\n", opt->file.c_str());
        return kOk;
      }
      if (opt->check) {
        say(stdout, "%s: not in canonical form (run `closedset fmt %s`)\n", opt->file.c_str(), opt->file.c_str());
        return kFindings;
      }
      const SaveResult s = save_scene_file(*r.document, opt->file);
      if (!s.ok) {
        say(stderr, "%s: %s\n", opt->file.c_str(), s.error.c_str());
        return kBadInput;
      }
      for (const std::string& w : s.warnings) say(stderr, "warning: %s\n", w.c_str());
      say(stdout, "%s: rewritten in canonical form (previous version kept as %s)\n", opt->file.c_str(),
                  s.backup.string().c_str());
      return kOk;
    };
  });
}

}  // namespace cs::cli
