// cmd_masking.cpp — `closedset masking FILE [--camera ID] [--at COUNT] [--samples WxH] [--format text|json]`.
//
// Per camera and moment: the shot size, and per performer what reads on camera
// as bare skin, what shows a garment, and what is hidden; per garment and prop,
// how much of the frame it takes. Without --at, every beat's start count.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "app/cli.hpp"
#include "notation/format.hpp"
#include "notation/masking.hpp"
#include "notation/mesh_import.hpp"
#include "notation/phrasing.hpp"
#include "notation/stage.hpp"
#include "notation/timeline.hpp"

namespace cs::cli {

namespace {

struct Options {
  std::string file;
  std::string camera;
  std::optional<double> at;
  std::string samples;
  std::string format = "text";
  int threads = 0;
  std::string passphrase_file;
};

// "320x134" or "320" (height from each camera's aspect).
bool parse_samples(const std::string& s, int& w, int& h) {
  w = kDefaultMaskingWidth;
  h = 0;
  if (s.empty()) return true;
  const auto x = s.find_first_of("xX");
  auto num = [](const std::string& t, int& out) {
    if (t.empty() || t.size() > 6 || t.find_first_not_of("0123456789") != std::string::npos) return false;
    out = std::stoi(t);
    return out >= 1 && out <= 16384;
  };
  if (x == std::string::npos) return num(s, w);
  return num(s.substr(0, x), w) && num(s.substr(x + 1), h);
}

std::string pct(double share) { return percent_text(share, 1); }  // "6.1%", "under 0.1%"

double round6(double x) { return std::round(x * 1e6) / 1e6; }

void print_text(const Document& doc, const Stage& st, const CameraMasking& m) {
  const Camera& cam = doc.cameras[std::size_t(m.camera)];
  const StageCamera& sc = st.cameras[std::size_t(m.camera)];
  const Beat* beat = beat_at(doc, m.count);
  say(stdout, "%s (%s) at count %g%s — %s", cam.id.c_str(), lens_label(cam, sc.focal_mm).c_str(), m.count,
              beat ? (", beat " + beat->id).c_str() : "", std::string(shot_size_name(m.shot)).c_str());
  if (m.shot_performer >= 0) say(stdout, " on %s", doc.performers[std::size_t(m.shot_performer)].id.c_str());
  say(stdout, "\n");
  for (const PerformerMasking& pm : m.performers) {
    const Performer& p = doc.performers[std::size_t(pm.performer)];
    if (pm.in_frame == 0) {
      say(stdout, "  %s: out of frame\n", p.id.c_str());
      continue;
    }
    std::string skin, garment, hidden;
    for (std::size_t r = 0; r < kRegionCount; ++r) {
      const Region reg = vocab_at<Region>(r);
      const RegionShares s = m.shares(pm.performer, reg);
      const std::string name(vocab_label(reg));
      if (pm.regions[r].skin) skin += (skin.empty() ? "" : ", ") + name + " " + pct(s.skin);
      if (pm.regions[r].garment) garment += (garment.empty() ? "" : ", ") + name + " " + pct(s.garment);
      if (pm.regions[r].footprint && s.hidden >= 0.995) hidden += (hidden.empty() ? "" : ", ") + name;
      else if (pm.regions[r].footprint && s.hidden >= 0.005) {
        char buf[16];
        std::snprintf(buf, sizeof buf, " %.0f%%", s.hidden * 100);
        hidden += (hidden.empty() ? "" : ", ") + name + buf;
      }
    }
    say(stdout, "  %s: bare skin: %s\n", p.id.c_str(), skin.empty() ? "none" : skin.c_str());
    say(stdout, "  %*s  garment: %s\n", int(p.id.size()), "", garment.empty() ? "none" : garment.c_str());
    say(stdout, "  %*s  hidden (of what is in frame): %s\n", int(p.id.size()), "", hidden.empty() ? "none" : hidden.c_str());
  }
  for (std::size_t g = 0; g < m.garment_rays.size(); ++g)
    if (m.garment_rays[g] && doc.garments[g].camera == GarmentCamera::hidden)
      say(stdout, "  reads on camera: %s's %s '%s' %s (meant to be hidden)\n", doc.garments[g].wearer.c_str(),
                  std::string(vocab_label(doc.garments[g].kind)).c_str(), doc.garments[g].id.c_str(),
                  pct(m.share(m.garment_rays[g])).c_str());
  for (std::size_t p = 0; p < m.prop_rays.size() && p < doc.props.size(); ++p)
    if (m.prop_rays[p] && doc.props[p].barrier)
      say(stdout, "  reads on camera: barrier '%s' %s\n", doc.props[p].id.c_str(), pct(m.share(m.prop_rays[p])).c_str());
}

nlohmann::ordered_json to_json(const Document& doc, const Stage& st, const CameraMasking& m) {
  using J = nlohmann::ordered_json;
  const Camera& cam = doc.cameras[std::size_t(m.camera)];
  const StageCamera& sc = st.cameras[std::size_t(m.camera)];
  J j;
  j["camera"] = cam.id;
  j["lens"] = {{"focal_mm", sc.focal_mm}, {"sensor", std::string(vocab_name(cam.sensor))},
               {"aspect", cam.aspect}, {"fit", std::string(vocab_name(cam.fit))},
               {"hfov_deg", round6(sc.lens.hfov_deg)}, {"vfov_deg", round6(sc.lens.vfov_deg)}};
  j["samples"] = {m.width, m.height};
  j["shot"] = std::string(shot_size_name(m.shot));
  j["shot_performer"] = m.shot_performer >= 0 ? J(doc.performers[std::size_t(m.shot_performer)].id) : J(nullptr);
  j["empty"] = round6(m.share(m.empty_rays));
  J perfs = J::array();
  for (const PerformerMasking& pm : m.performers) {
    J p;
    p["id"] = doc.performers[std::size_t(pm.performer)].id;
    p["in_frame"] = round6(m.share(pm.in_frame));
    p["seen"] = round6(m.share(pm.seen));
    J regions = J::array();
    for (std::size_t r = 0; r < kRegionCount; ++r) {
      const RegionCounts& rc = pm.regions[r];
      if (!rc.footprint && !rc.skin && !rc.garment) continue;
      const RegionShares s = m.shares(pm.performer, vocab_at<Region>(r));
      regions.push_back({{"region", std::string(vocab_name(vocab_at<Region>(r)))},
                         {"skin", round6(s.skin)}, {"garment", round6(s.garment)},
                         {"footprint", round6(s.footprint)}, {"hidden", round6(s.hidden)}});
    }
    p["regions"] = std::move(regions);
    perfs.push_back(std::move(p));
  }
  j["performers"] = std::move(perfs);
  J garments = J::array();
  for (std::size_t g = 0; g < m.garment_rays.size(); ++g)
    garments.push_back({{"id", doc.garments[g].id}, {"wearer", doc.garments[g].wearer},
                        {"camera", std::string(vocab_name(doc.garments[g].camera))},
                        {"worn", bool(st.garment_worn[g])}, {"visible", round6(m.share(m.garment_rays[g]))}});
  j["garments"] = std::move(garments);
  J props = J::array();
  for (std::size_t p = 0; p < doc.props.size(); ++p)
    props.push_back({{"id", doc.props[p].id}, {"barrier", doc.props[p].barrier},
                     {"visible", round6(m.share(p < m.prop_rays.size() ? m.prop_rays[p] : 0))}});
  j["props"] = std::move(props);
  return j;
}

int run_masking(const Options& opt) {
  int w = 0, h = 0;
  if (!parse_samples(opt.samples, w, h)) {
    say(stderr, "closedset masking: --samples '%s' is not WxH (e.g. 320x134) or W, each 1 to 16384\n",
                 opt.samples.c_str());
    return kBadInput;
  }
  const OpenedScene scene(opt.file, opt.passphrase_file);
  const LoadResult& r = scene.load;
  if (!r.ok()) {
    for (const Diagnostic& d : r.errors) say(stderr, "%s\n", format_diagnostic(d).c_str());
    say(stderr, "%s: not a valid scene; nothing masked\n", opt.file.c_str());
    return kBadInput;
  }
  const Document& doc = *r.document;
  std::vector<int> cams;
  for (std::size_t c = 0; c < doc.cameras.size(); ++c)
    if (opt.camera.empty() || doc.cameras[c].id == opt.camera) cams.push_back(int(c));
  if (!opt.camera.empty() && cams.empty()) {
    std::string ids;
    for (const Camera& c : doc.cameras) ids += (ids.empty() ? "" : ", ") + c.id;
    say(stderr, "%s: no camera '%s' (cameras: %s)\n", opt.file.c_str(), opt.camera.c_str(),
                 ids.empty() ? "none" : ids.c_str());
    return kBadInput;
  }
  if (opt.at)
    if (const std::string why = count_range_problem(doc, *opt.at); !why.empty()) {
      say(stderr, "%s: --at: %s\n", opt.file.c_str(), why.c_str());
      return kBadInput;
    }
  const PropMeshes meshes = load_prop_meshes(doc, std::filesystem::path(opt.file).parent_path());
  if (!meshes.ok()) {
    for (const std::string& e : meshes.errors) say(stderr, "%s: %s\n", opt.file.c_str(), e.c_str());
    return kBadInput;
  }
  std::vector<double> counts;
  if (opt.at) counts.push_back(*opt.at);
  else if (doc.choreography.beats.empty()) counts.push_back(doc.first_count());
  else for (const Beat& b : doc.choreography.beats) counts.push_back(b.start_count);

  MaskingOptions mo;
  mo.width = w;
  mo.height = h;
  mo.threads = opt.threads;
  nlohmann::ordered_json out;
  if (opt.format == "json") {
    out["format"] = "closedset-masking";
    out["version"] = 1;
    out["file"] = opt.file;
    out["moments"] = nlohmann::ordered_json::array();
  }
  for (double count : counts) {
    const Stage st = evaluate(doc, count, &meshes);
    // Each camera on its own grid, at its own aspect, within W × H.
    std::vector<CameraMasking> results;
    for (int c : cams) {
      MaskingOptions own = mo;
      const GridSize g = grid_within(w, h, st.cameras[static_cast<std::size_t>(c)].lens.aspect);
      own.width = g.width;
      own.height = g.height;
      results.push_back(mask_camera(st, c, own));
    }
    if (opt.format == "json") {
      nlohmann::ordered_json moment;
      moment["count"] = count;
      const Beat* b = beat_at(doc, count);
      moment["beat"] = b ? nlohmann::ordered_json(b->id) : nlohmann::ordered_json(nullptr);
      moment["cameras"] = nlohmann::ordered_json::array();
      for (const CameraMasking& m : results) moment["cameras"].push_back(to_json(doc, st, m));
      out["moments"].push_back(std::move(moment));
    } else {
      for (const CameraMasking& m : results) print_text(doc, st, m);
    }
  }
  if (opt.format == "json")
    std::cout << out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  return kOk;
}

}  // namespace

void add_masking(CLI::App& app, Runner& run) {
  auto opt = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "masking", "What each camera sees: per performer and region, bare skin, garment and hidden shares of the frame");
  sub->add_option("FILE", opt->file, "Scene file (NAME.closedset.json)")->required();
  sub->add_option("--camera", opt->camera, "Only this camera (by id); default: every camera");
  sub->add_option("--at", opt->at, "The count to mask at (3.5 is \"3-and\"); default: each beat's start");
  sub->add_option("--samples", opt->samples,
                  "Rays across the frame lines, W, or at most WxH (each camera's grid keeps its own aspect: the "
                  "largest that fits); default 320 across");
  sub->add_option("--threads", opt->threads, "Worker threads (default: all cores)")->check(CLI::Range(0, 256));
  sub->add_option("--format", opt->format, "Output: text for a person, json for tools")
      ->check(CLI::IsMember({"text", "json"}));
  add_passphrase_option(sub, opt->passphrase_file);
  sub->footer("Shares are of the frame inside the frame lines; hidden is the share of a region's footprint\n"
              "(where it would show if nothing were in the way) that does not read as bare skin;\n"
              "in the text, a hidden region listed without a percentage is hidden completely.\n"
              "Exit status: 0 done, 2 bad input or usage, 3 internal error.");
  sub->callback([opt, &run] { run = [opt] { return run_masking(*opt); }; });
}

}  // namespace cs::cli
