// main.cpp — `closedset`: with no subcommand, the editor; otherwise the command line.
#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>

#include "app/cli.hpp"
#ifdef CLOSEDSET_HAVE_EDITOR
#include "app/editor/editor.hpp"
#endif

int main(int argc, char** argv) {
  CLI::App app{"ClosedSet: counted choreography, camera masking and consent checks for intimate scenes.\n"
               "With no subcommand, opens the editor on FILE (the bundled example scene when none is given).",
               "closedset"};
  app.set_version_flag("--version", std::string("closedset ") + CLOSEDSET_VERSION);
  app.require_subcommand(0, 1);

  cs::cli::Runner run;
  cs::cli::add_new(app, run);
  cs::cli::add_validate(app, run);
  cs::cli::add_masking(app, run);
  cs::cli::add_fmt(app, run);
  cs::cli::add_check(app, run);
  cs::cli::add_diff(app, run);
  cs::cli::add_export(app, run);
  cs::cli::add_render(app, run);
  cs::cli::add_sheet(app, run);
  cs::cli::add_seal(app, run);

#ifdef CLOSEDSET_HAVE_EDITOR
  cs::editor::Options editor;
  editor.file = CLOSEDSET_DEFAULT_SCENE;
  app.add_option("FILE", editor.file, "Scene file to open in the editor");
  app.add_option("--screenshot", editor.screenshot, "Render the editor, write the window to this PNG, and exit");
  CLI::Option* at_option = app.add_option("--at", editor.at_count, "Count on the timeline to show");
  app.add_option("--camera", editor.camera, "Look through this camera");
  app.add_option("--size", editor.size, "Window size as WxH (e.g. 1600x900)");
#endif

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // `closedset chek FILE`: CLI11 takes "chek" for the editor's FILE and then
    // complains about FILE; say what actually went wrong.
    // (A known command with a stray option or argument is CLI11's to explain.)
    bool known = false;
    if (argc >= 2) {
      try {
        known = app.get_subcommand(argv[1]) != nullptr;
      } catch (const CLI::OptionNotFound&) {
      }
    }
    if (argc >= 2 && !known && argv[1][0] != '-' && !std::filesystem::exists(argv[1]) &&
        dynamic_cast<const CLI::ExtrasError*>(&e)) {
      const std::string word = argv[1];
      if (word.find('/') != std::string::npos || word.find('.') != std::string::npos)
        cs::cli::say(stderr, "closedset: no such file: %s (to run a command, see closedset --help)\n", argv[1]);
      else {
        std::string commands;
        for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
          commands += (commands.empty() ? "" : ", ") + sub->get_name();
        cs::cli::say(stderr, "closedset: unknown command \"%s\" (commands: %s; see closedset --help)\n", argv[1],
                     commands.c_str());
      }
      return cs::cli::kBadInput;
    }
    // `closedset new` without its FILE: say which command wants what, and where its help is.
    if (known && dynamic_cast<const CLI::RequiredError*>(&e)) {
      cs::cli::say(stderr, "closedset %s: %s (see closedset %s --help)\n", argv[1], e.what(), argv[1]);
      return cs::cli::kBadInput;
    }
    const int code = app.exit(e);
    return code == 0 ? cs::cli::kOk : cs::cli::kBadInput;
  }
  try {
    if (run) return run();
#ifdef CLOSEDSET_HAVE_EDITOR
    if (at_option->count() > 0 && std::isnan(editor.at_count)) {  // NaN is what "not given" looks like inside
      cs::cli::say(stderr, "closedset: --at needs a count (a number), not \"%s\"\n", at_option->as<std::string>().c_str());
      return cs::cli::kBadInput;
    }
    if (!std::filesystem::exists(editor.file)) {
      cs::cli::say(stderr, "closedset: no such file: %s (to run a command, see closedset --help)\n", editor.file.c_str());
      return cs::cli::kBadInput;
    }
    return cs::editor::run(editor);
#else
    cs::cli::say(stderr, "closedset: this build has no editor; see `closedset --help` for the subcommands\n");
    return cs::cli::kBadInput;
#endif
  } catch (const std::exception& e) {
    cs::cli::say(stderr, "closedset: internal error: %s\n", e.what());
    return cs::cli::kInternal;
  }
}
