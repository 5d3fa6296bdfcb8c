// cmd_fmt.cpp — `closedset fmt FILE [--check] [--passphrase-file P]`: rewrite a
// scene in canonical form. A sealed scene is compared in memory and written
// back sealed with the same passphrase: nothing decrypted touches the disk.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

#include "app/cli.hpp"
#include "notation/format.hpp"
#include "notation/seal.hpp"

namespace cs::cli {

void add_fmt(CLI::App& app, Runner& run) {
  struct Options {
    std::string file;
    bool check = false;
    std::string passphrase_file;
  };
  auto opt = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "fmt", "Rewrite a scene file in canonical form (fixed key order, 2-space indent), as the editor saves it");
  sub->add_option("FILE", opt->file, "Scene file")->required();
  sub->add_flag("--check", opt->check, "Change nothing; exit 1 if the file is not in canonical form");
  add_passphrase_option(sub, opt->passphrase_file);
  sub->footer("The previous version is kept as FILE.bak (and the two before it as FILE.bak.2, FILE.bak.3). "
              "A sealed FILE is compared in memory and written back sealed with the same passphrase (its backups "
              "are sealed too). A read-only FILE is not rewritten. Exit status: 0 done (or already canonical), "
              "1 not canonical (--check), 2 bad input or refused.");
  sub->callback([opt, &run] {
    run = [opt] {
      const OpenedScene scene(opt->file, opt->passphrase_file, /*for_rewrite=*/true);
      const LoadResult& r = scene.load;
      if (!r.ok()) {
        for (const Diagnostic& d : r.errors) say(stderr, "%s\n", format_diagnostic(d).c_str());
        say(stderr, "%s: not valid; nothing was rewritten\n", opt->file.c_str());
        return kBadInput;
      }
      std::string canonical = save_scene_text(*r.document);
      const bool same = scene.text == canonical;
      wipe(canonical);
      if (same) {
        say(stdout, "%s: already canonical\n", opt->file.c_str());
        return kOk;
      }
      if (opt->check) {
        say(stdout, "%s: not in canonical form (run `closedset fmt %s`)\n", opt->file.c_str(), opt->file.c_str());
        return kFindings;
      }
      const SaveResult s = scene.sealed ? save_sealed_scene_file(*r.document, opt->file, scene.passphrase)
                                        : save_scene_file(*r.document, opt->file);
      if (!s.ok) {
        say(stderr, "%s: %s\n", opt->file.c_str(), s.error.c_str());
        return kBadInput;
      }
      for (const std::string& w : s.warnings) say(stderr, "warning: %s\n", w.c_str());
      say(stdout, "%s: rewritten in canonical form%s (previous version kept as %s)\n", opt->file.c_str(),
                  scene.sealed ? ", sealed" : "", s.backup.string().c_str());
      return kOk;
    };
  });
}

}  // namespace cs::cli
