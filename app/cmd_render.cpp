// cmd_render.cpp — `closedset render FILE --camera ID --at COUNT -o OUT.png [--size WxH]
// [--overlay none|masking|consent]`.
//
// A still through the camera's real lens, cropped to the frame lines, shaded
// from the masking engine's own rays (notation/still.hpp; docs/stills.md says
// why). Needs no display. Built from the director's view (notation/audience.hpp):
// the consent overlay shows "not agreed from this view", never a rider. The PNG
// is written atomically: on any failure nothing is left at OUT.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "app/cli.hpp"
#include "notation/audience.hpp"
#include "notation/format.hpp"
#include "notation/mesh_import.hpp"
#include "notation/phrasing.hpp"
#include "notation/stage.hpp"
#include "notation/still.hpp"
#include "publish/sheet_file.hpp"
#include "notation/timeline.hpp"
#include "publish/png.hpp"

namespace cs::cli {

namespace {

struct Options {
  std::string file, out, camera, size = "1280x720", overlay = "none", passphrase_file;
  double at = NAN;
  int supersample = 1;
};

int bad(const std::string& why) {
  say(stderr, "closedset render: %s\n", why.c_str());
  return kBadInput;
}

// "1280x720": both from 16 to 8192.
bool parse_size(const std::string& s, int& w, int& h) {
  const auto x = s.find_first_of("xX");
  if (x == std::string::npos) return false;
  auto num = [](const std::string& t, int& out) {
    if (t.empty() || t.size() > 5 || t.find_first_not_of("0123456789") != std::string::npos) return false;
    out = std::stoi(t);
    return out >= 16 && out <= 8192;
  };
  return num(s.substr(0, x), w) && num(s.substr(x + 1), h);
}

int run_render(const Options& opt) {
  std::string ext = std::filesystem::path(opt.out).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  if (ext != ".png") return bad("-o " + opt.out + ": the file name must end in .png");
  int w = 0, h = 0;
  if (!parse_size(opt.size, w, h)) return bad("--size " + opt.size + ": give WIDTHxHEIGHT in pixels, each 16 to 8192");
  StillOverlay overlay = StillOverlay::none;
  if (!parse_still_overlay(opt.overlay, overlay)) return bad("--overlay " + opt.overlay + ": use none, masking or consent");
  if (std::isnan(opt.at)) return bad("--at needs a count (a number)");
  if (const std::string why = output_folder_problem(opt.out); !why.empty()) return bad(why);
  const OpenedScene scene(opt.file, opt.passphrase_file);
  const LoadResult& r = scene.load;
  if (!r.ok()) {
    for (const Diagnostic& d : r.errors) say(stderr, "%s\n", format_diagnostic(d).c_str());
    return bad(opt.file + ": not a valid scene; nothing was rendered");
  }
  const Document& full = *r.document;
  if (const std::string why = count_range_problem(full, opt.at); !why.empty())
    return bad(opt.file + ": --at: " + why + "; nothing was rendered");
  const PropMeshes meshes = load_prop_meshes(full, std::filesystem::path(opt.file).parent_path());
  if (full.camera(opt.camera) && !meshes.ok()) {
    for (const std::string& e : meshes.errors) say(stderr, "%s: %s\n", opt.file.c_str(), e.c_str());
    return bad(opt.file + ": a prop's mesh could not be loaded; nothing was rendered");
  }

  // The same path as the editor's File → Export… (publish/sheet_file.hpp).
  StillFileOptions so;
  so.max_width = w;
  so.max_height = h;
  so.overlay = overlay;
  so.supersample = opt.supersample;
  so.meshes = &meshes;
  const StillFile still = make_still_png(full, opt.camera, opt.at, so);
  if (still.bad_input) return bad(opt.file + ": " + still.error);
  if (!still.ok()) {
    say(stderr, "closedset render: %s\n", still.error.c_str());
    return kInternal;
  }
  const SaveResult saved = write_file_atomic(opt.out, still.bytes, false);
  if (!saved.ok) return bad("cannot write " + opt.out + ": " + saved.error);
  say(stdout, "%s: %dx%d, camera %s (%s) at count %s%s, %s, overlay %s\n", opt.out.c_str(), still.width, still.height,
              opt.camera.c_str(), still.lens.c_str(), exact_number_text(opt.at).c_str(),
              still.beat.empty() ? " (before the first beat)" : (", beat " + still.beat).c_str(), still.shot.c_str(),
              std::string(still_overlay_name(overlay)).c_str());
  return kOk;
}

}  // namespace

void add_render(CLI::App& app, Runner& run) {
  auto opt = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("render", "A camera still through its real lens, cropped to the frame lines (PNG)");
  sub->add_option("FILE", opt->file, "Scene file (NAME.closedset.json)")->required();
  sub->add_option("--camera", opt->camera, "Camera id")->required();
  sub->add_option("--at", opt->at, "Count on the timeline")->required();
  sub->add_option("-o,--output", opt->out, "Where to write: OUT.png")->required();
  sub->add_option("--size", opt->size, "Largest size as WIDTHxHEIGHT (default 1280x720); the frame's aspect is kept");
  sub->add_option("--overlay", opt->overlay,
                  "none; masking (intimate bare skin orange, modesty wear and barriers cyan); consent (bare skin not "
                  "agreed from this view red, agreed intimate skin green, modesty wear yellow)");
  sub->add_option("--supersample", opt->supersample, "Rays per pixel along each axis (default 1; 2 smooths edges at 4 times the rays)")
      ->check(CLI::Range(1, 4));
  add_passphrase_option(sub, opt->passphrase_file);
  sub->footer(
      "Every pixel is the masking engine's ray (with --supersample S, the mean of SxS rays): the still shows exactly what the masking\n"
      "numbers count. Needs no display. Exit status: 0 written, 2 bad input or usage (nothing written), 3 internal error.");
  sub->callback([opt, &run] { run = [opt] { return run_render(*opt); }; });
}

}  // namespace cs::cli
