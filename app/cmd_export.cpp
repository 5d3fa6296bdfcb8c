// cmd_export.cpp — `closedset export FILE -o OUT.glb|.gltf|.otio [--at COUNT | --animated]
// [--beats FROM..TO] [--camera ID]... [--fps N] [--detail N]`.
//
// The staged scene for Blender, Unreal and other 3D tools (glTF 2.0, see
// notation/gltf_export.hpp), or beat markers for editing systems
// (OpenTimelineIO, notation/otio_export.hpp), chosen by OUT's extension. The
// file is written atomically: on any failure nothing is left at OUT.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/cli.hpp"
#include "notation/audience.hpp"
#include "notation/beat_range.hpp"
#include "notation/format.hpp"
#include "notation/gltf_export.hpp"
#include "notation/mesh_import.hpp"
#include "notation/otio_export.hpp"
#include "notation/phrasing.hpp"
#include "notation/timeline.hpp"

namespace cs::cli {

namespace {

struct Options {
  std::string file, out, passphrase_file;
  std::optional<double> at;
  bool animated = false;
  std::string beats;
  std::vector<std::string> cameras;
  std::optional<double> fps;
  std::optional<int> detail;
};

enum class Kind { glb, gltf, otio, unknown };

Kind kind_of(const std::string& out) {
  std::string ext = std::filesystem::path(out).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  if (ext == ".glb") return Kind::glb;
  if (ext == ".gltf") return Kind::gltf;
  if (ext == ".otio") return Kind::otio;
  return Kind::unknown;
}

// Says why on stderr; bad input or usage.
int bad(const std::string& why) {
  say(stderr, "%s\n", why.c_str());
  return kBadInput;
}

int write(const std::string& out, const std::string& bytes) {
  const SaveResult w = write_file_atomic(out, bytes, false);
  if (!w.ok) return bad("closedset export: cannot write " + out + ": " + w.error);
  return kOk;
}

int run_export(const Options& opt) {
  const Kind kind = kind_of(opt.out);
  if (kind == Kind::unknown)
    return bad("closedset export: -o " + opt.out +
               ": the file name must end in .glb or .gltf (the staged scene) or .otio (beat markers)");
  const bool otio = kind == Kind::otio;
  if (otio && (opt.animated || opt.at || opt.detail))
    return bad("closedset export: " + opt.out + " is beat markers; --animated, --at and --detail are for .glb and .gltf");
  if (!otio && opt.fps) return bad("closedset export: --fps is for .otio beat markers (glTF times are in seconds)");
  if (opt.at && std::isnan(*opt.at)) return bad("closedset export: --at needs a count (a number)");
  if (const std::string why = output_folder_problem(opt.out); !why.empty()) return bad("closedset export: " + why);

  const OpenedScene scene(opt.file, opt.passphrase_file);
  const LoadResult& r = scene.load;
  if (!r.ok()) {
    for (const Diagnostic& d : r.errors) say(stderr, "%s\n", format_diagnostic(d).c_str());
    return bad(opt.file + ": not a valid scene; nothing was exported");
  }
  // Everything below is built from the interchange audience's view (no body
  // map, rider, note, actor name, camera note or take), never from the file.
  AudienceOptions ao;
  ao.run_checks = false;
  AudienceView view = audience_view(*r.document, Audience{AudienceKind::interchange, ""}, ao);
  const Document& doc = view.doc;
  if (opt.at)
    if (const std::string why = count_range_problem(doc, *opt.at); !why.empty())
      return bad(opt.file + ": --at: " + why + "; nothing was exported");

  std::optional<BeatRange> beats;
  if (!opt.beats.empty()) {
    std::string why;
    beats = parse_beat_range(doc, opt.beats, why);
    if (!beats) return bad(opt.file + ": --beats " + opt.beats + ": " + why);
  }
  for (const std::string& id : opt.cameras)
    if (!doc.camera(id)) {
      std::vector<std::string> ids;
      for (const Camera& c : doc.cameras) ids.push_back(c.id);
      return bad(opt.file + ": no camera '" + id + "' (cameras: " + (ids.empty() ? "none" : join_list(ids)) + ")");
    }
  const PropMeshes meshes = load_prop_meshes(doc, std::filesystem::path(opt.file).parent_path());
  if (!meshes.ok()) {
    for (const std::string& e : meshes.errors) say(stderr, "%s: %s\n", opt.file.c_str(), e.c_str());
    return bad(opt.file + ": a prop's mesh could not be loaded; nothing was exported");
  }

  if (otio) {
    if (doc.choreography.beats.empty()) return bad(opt.file + ": the choreography has no beats to mark");
    // Colours come from the full check, as `closedset check` runs it (the view
    // holds its findings as codes and places only); with --camera, only that
    // camera's findings and those of no camera count.
    ao.run_checks = true;
    ao.meshes = &meshes;
    view = audience_view(*r.document, view.audience, ao);
    std::vector<Finding> findings = view.findings;
    if (!opt.cameras.empty())
      std::erase_if(findings, [&](const Finding& f) {
        return !f.camera.empty() && std::find(opt.cameras.begin(), opt.cameras.end(), f.camera) == opt.cameras.end();
      });
    OtioOptions oo;
    oo.fps = opt.fps.value_or(kOtioDefaultFps);
    oo.beats = beats;
    const auto worst = worst_severity_per_beat(doc, findings);
    if (const int w = write(opt.out, export_otio(doc, worst, oo)); w != kOk) return w;
    const BeatRange range = beats ? *beats : *whole_choreography(doc);
    std::size_t by[4] = {0, 0, 0, 0};  // none, info, warning, error
    for (std::size_t i = range.first; i <= range.last; ++i) ++by[worst[i] ? 1 + int(*worst[i]) : 0];
    say(stdout, "%s: %s at %s fps, counts %s to %s at %s bpm (%s s); beats by worst finding: error %zu, warning %zu, "
                "info %zu, none %zu\n",
                opt.out.c_str(), plural(range.last - range.first + 1, "beat marker", "beat markers").c_str(),
                number_text(oo.fps).c_str(), exact_number_text(range.from_count).c_str(),
                exact_number_text(range.to_count).c_str(), number_text(doc.choreography.tempo_bpm).c_str(),
                number_text((range.to_count - range.from_count) * doc.seconds_per_count()).c_str(), by[3], by[2], by[1],
                by[0]);
    return kOk;
  }

  GltfOptions go;
  go.container = kind == Kind::glb ? GltfContainer::glb : GltfContainer::gltf;
  go.animated = opt.animated;
  go.at = opt.at;
  go.beats = beats;
  go.cameras = opt.cameras;
  go.detail = opt.detail.value_or(24);
  go.meshes = &meshes;
  const GltfExport e = export_gltf(doc, go);
  if (!e.ok()) return bad(opt.file + ": " + e.error + "; nothing was exported");
  if (const int w = write(opt.out, e.bytes); w != kOk) return w;
  const GltfSummary& s = e.summary;
  say(stdout, "%s: %s, %s, %s (%s), %s, %s, %s triangles\n", opt.out.c_str(),
              plural(doc.performers.size(), "performer", "performers").c_str(), plural(s.nodes, "node", "nodes").c_str(),
              plural(s.meshes, "mesh", "meshes").c_str(), plural(s.primitives, "primitive", "primitives").c_str(),
              plural(s.materials, "material", "materials").c_str(), plural(s.cameras, "camera", "cameras").c_str(),
              std::to_string(s.triangles).c_str());
  if (opt.animated)
    say(stdout, "  animated: counts %s to %s at %s bpm = %s s; %s, %s in extras\n",
                exact_number_text(s.from_count).c_str(), exact_number_text(s.to_count).c_str(),
                number_text(doc.choreography.tempo_bpm).c_str(), number_text(s.duration_s).c_str(),
                plural(s.channels, "channel", "channels").c_str(),
                plural(s.markers, "beat marker", "beat markers").c_str());
  else
    say(stdout, "  still at count %s\n", exact_number_text(s.from_count).c_str());
  for (const std::string& n : e.notes) say(stdout, "  note: %s\n", n.c_str());
  return kOk;
}

}  // namespace

std::string output_folder_problem(const std::string& out) {
  const std::filesystem::path parent = std::filesystem::path(out).parent_path();
  std::error_code ec;
  if (!parent.empty() && !std::filesystem::is_directory(parent, ec))
    return "cannot write " + out + ": folder " + parent.string() + " does not exist";
  return "";
}

void add_export(CLI::App& app, Runner& run) {
  auto opt = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "export", "The staged scene as glTF 2.0 (.glb, .gltf) for Blender and Unreal, or beat markers (.otio) for editors");
  sub->add_option("FILE", opt->file, "Scene file (NAME.closedset.json)")->required();
  sub->add_option("-o,--output", opt->out, "Where to write: OUT.glb, OUT.gltf or OUT.otio")->required();
  CLI::Option* at = sub->add_option("--at", opt->at, "glTF: a still at this count (default: the first exported count)");
  CLI::Option* animated = sub->add_flag("--animated", opt->animated,
                                        "glTF: the whole range animated at tempo (poses, garments, camera moves)");
  at->excludes(animated);
  sub->add_option("--beats", opt->beats, "Only these beats: FROM..TO (beat ids, inclusive) or one beat id");
  sub->add_option("--camera", opt->cameras,
                  "glTF: export only this camera (repeatable); .otio: colour by this camera's findings only");
  sub->add_option("--fps", opt->fps, ".otio: frame rate of the markers (default 24)")->check(CLI::Range(kOtioMinFps, kOtioMaxFps));
  sub->add_option("--detail", opt->detail, "glTF: tessellation detail, as the editor's (default 24)")
      ->check(CLI::Range(4, 96));
  add_passphrase_option(sub, opt->passphrase_file);
  sub->footer(
      "glTF: every performer as a hierarchy of body segments with one mesh per region (material region:<id>),\n"
      "garments (garment:<id>, hidden by scale 0 when off), props, and cameras on their real lenses (yfov the\n"
      "delivery frame's vertical field of view, the lens in extras). No boundary, rider line, condition, tier or\n"
      "note is written. .otio: one marker per beat, coloured by the worst finding in it (red error, yellow\n"
      "warning, blue info, green none).\n"
      "Exit status: 0 written, 2 bad input or usage (nothing written), 3 internal error.");
  sub->callback([opt, &run] { run = [opt] { return run_export(*opt); }; });
}

}  // namespace cs::cli
