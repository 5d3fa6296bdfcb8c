// editor.cpp — `closedset [FILE]`: the interactive loop, and the scripted
// screenshot mode used by tests and documentation.
#include "app/editor/editor.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "app/editor/editor_app.hpp"
#include "notation/printable.hpp"
#include "notation/timeline.hpp"
#include "render/image.hpp"

namespace cs::editor {

namespace {

constexpr int kBadInput = 2;
constexpr int kNoDisplay = 3;

// "1600x900" → (1600, 900). Sizes outside 320..8192 are refused.
bool parse_size(const std::string& text, int& w, int& h) {
  char x = 0;
  char extra = 0;
  if (std::sscanf(text.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X')) return false;
  return w >= 320 && h >= 240 && w <= 8192 && h <= 8192;
}

}  // namespace

int run(const Options& options) {
  AppConfig config;
  if (!options.size.empty() && !parse_size(options.size, config.width, config.height)) {
    std::fprintf(stderr, "closedset: --size must be WIDTHxHEIGHT between 320x240 and 8192x8192, got \"%s\"\n",
                 options.size.c_str());
    return kBadInput;
  }
  const bool scripted = !options.screenshot.empty();
  config.headless_test = scripted;

  std::string error;
  auto app = EditorApp::create(config, &error);
  if (!app) {
    std::fprintf(stderr, "closedset: %s\n", error.c_str());
    return kNoDisplay;
  }
  EditorState& s = app->state();

  if (!options.file.empty()) {
    const bool ok = app->open(options.file);
    if (!ok && scripted) {
      if (app->passphrase_requested())
        std::fprintf(stderr, "closedset: %s is sealed; a scripted run cannot ask for its passphrase\n",
                     options.file.c_str());
      else if (s.load_errors)
        for (const std::string& line : s.load_errors->lines) std::fprintf(stderr, "%s\n", printable(line).c_str());
      return kBadInput;
    }
  }
  if (!scripted) app->offer_untitled_recovery();
  if (!options.camera.empty()) {
    if (!s.document() || !s.document()->camera(options.camera)) {
      std::string known;
      if (s.document())
        for (const Camera& c : s.document()->cameras) known += (known.empty() ? "" : ", ") + c.id;
      std::fprintf(stderr, "closedset: no camera \"%s\" in %s (cameras: %s)\n", printable(options.camera).c_str(),
                   printable(options.file).c_str(), known.empty() ? "none" : printable(known).c_str());
      if (scripted) return kBadInput;
    } else {
      s.through_camera = options.camera;
    }
  }
  if (!std::isnan(options.at_count)) {
    // A count the scene does not have is refused in a scripted run; opened to
    // work in, the editor says so and shows the nearest count it has.
    const std::string why =
        s.document() ? count_range_problem(*s.document(), options.at_count)
                     : std::string(std::isfinite(options.at_count) ? "" : "not a count (a finite number)");
    if (!why.empty()) {
      std::fprintf(stderr, "closedset: %s: --at: %s\n", options.file.c_str(), why.c_str());
      if (scripted) return kBadInput;
      s.status = "--at: " + why;
    }
    set_count(s, options.at_count);
  }

  if (scripted) {
    // A few real frames first: ImGui sizes windows and fonts over the first
    // frames; then the findings, so the timeline shows them.
    for (int i = 0; i < 4; ++i) app->frame();
    if (s.history.has_document()) app->wait_for_checks(60);
    render::Image shot;
    app->frame(&shot);
    if (!render::write_png(options.screenshot, shot, &error)) {
      std::fprintf(stderr, "closedset: %s\n", error.c_str());
      return kBadInput;
    }
    std::printf("wrote %s (%dx%d)\n", options.screenshot.c_str(), shot.width, shot.height);
    return 0;
  }

  while (!app->should_close()) app->frame();
  return 0;
}

}  // namespace cs::editor
