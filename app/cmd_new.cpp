// cmd_new.cpp — `closedset new FILE`: write the new-scene template (the one
// File → New opens), never over an existing file.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

#include "app/cli.hpp"
#include "notation/format.hpp"
#include "notation/new_scene.hpp"

namespace cs::cli {

void add_new(CLI::App& app, Runner& run) {
  auto file = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand(
      "new", "Write a new scene: two performers standing facing each other, dressed for rehearsal, and a camera "
             "framing them both; nothing agreed yet (File → New in the editor starts from the same scene)");
  sub->add_option("FILE", *file, "Scene file to create (NAME.closedset.json)")->required();
  sub->footer("An existing file is never replaced. The file is readable by its owner only (mode 0600): "
              "it will hold boundaries and private notes. Exit status: 0 written, 2 bad input.");
  sub->callback([file, &run] {
    run = [file] {
      const SaveResult r = write_new_file(*file, save_scene_text(new_scene()));
      if (!r.ok) {
        say(stderr, "closedset new: %s\n", r.error.c_str());
        return kBadInput;
      }
      say(stdout, "%s: new scene written (two performers, camera A); open it with `closedset %s`\n", file->c_str(),
                  file->c_str());
      return kOk;
    };
  });
}

}  // namespace cs::cli
