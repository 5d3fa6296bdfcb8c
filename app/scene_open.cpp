// scene_open.cpp — how every subcommand opens a scene: plain, or sealed with
// --passphrase-file (cli.hpp). Defined once, so that check, export, fmt,
// masking, sheet, render, diff and validate say the same things.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <optional>
#include <system_error>

#include "app/cli.hpp"
#include "notation/seal.hpp"

namespace cs::cli {

void add_passphrase_option(CLI::App* sub, std::string& passphrase_file) {
  sub->add_option("--passphrase-file", passphrase_file,
                  "For a sealed scene: read its passphrase from the first line of this file");
}

OpenedScene::OpenedScene(const std::string& file, const std::string& passphrase_file, bool for_rewrite) {
  std::error_code ec;
  sealed = std::filesystem::is_regular_file(file, ec) && file_is_sealed(file);  // never opens a FIFO or a device
  if (passphrase_file.empty()) {
    // A sealed file is refused by load_scene_file, with words that name --passphrase-file;
    // load_sealed_scene_file reads a plain one as it is, and keeps its text.
    load = for_rewrite && !sealed ? load_sealed_scene_file(file, "", &text) : load_scene_file(file);
    return;
  }
  std::string error;
  std::optional<std::string> pass = read_passphrase_file(passphrase_file, &error);
  if (!pass) {
    load.errors.push_back(Diagnostic{passphrase_file, 0, 0, "", error});
    return;
  }
  load = load_sealed_scene_file(file, *pass, for_rewrite ? &text : nullptr);
  if (for_rewrite && sealed) passphrase = std::move(*pass);
  else wipe(*pass);
}

OpenedScene::~OpenedScene() {
  wipe(text);
  wipe(passphrase);
}

}  // namespace cs::cli
