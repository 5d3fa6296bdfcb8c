// lined.cpp — the lined choreography (lined.hpp).
#include "notation/lined.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "notation/masking.hpp"
#include "notation/phrasing.hpp"
#include "notation/stage.hpp"

namespace cs {

const char* on_screen_word(OnScreen s) {
  switch (s) {
    case OnScreen::out: return "out";
    case OnScreen::hidden: return "hidden";
    case OnScreen::seen: return "seen";
  }
  return "";
}

namespace {

struct Column {
  std::string setup, camera;
  std::optional<double> lens;
  std::vector<std::string> takes;
};

// The setups shot, in the log's order: one column per (setup, camera).
std::vector<Column> columns_of(const Document& doc) {
  std::vector<Column> cols;
  for (const Take& t : doc.takes) {
    if (!doc.camera(t.camera)) continue;  // validate() refuses this; be safe
    auto it = std::find_if(cols.begin(), cols.end(),
                           [&](const Column& c) { return c.setup == t.setup && c.camera == t.camera; });
    if (it == cols.end()) {
      cols.push_back({t.setup, t.camera, std::nullopt, {}});
      it = cols.end() - 1;
    }
    if (t.lens_mm) it->lens = *t.lens_mm;  // the latest logged lens
    it->takes.push_back(t.setup + std::to_string(t.number) + " " + std::string(vocab_label(t.status)));
  }
  return cols;
}

// The moments of a beat: `per_count` per count from its start, and its end (just inside).
std::vector<double> moments(const Beat& b, int per_count) {
  std::vector<double> out;
  const double step = 1.0 / std::max(1, per_count);
  const double end = b.end_count() - 1e-6;
  for (double c = b.start_count; c < end; c += step) out.push_back(c);
  out.push_back(std::max(b.start_count, end));
  return out;
}

}  // namespace

LinedChoreography lined_choreography(const Document& doc, const LinedOptions& options) {
  LinedChoreography out;
  std::vector<Column> cols = columns_of(doc);
  const bool planned = cols.empty();
  if (planned)
    for (const Camera& c : doc.cameras) cols.push_back({"", c.id, std::nullopt, {}});
  MaskingOptions mo;
  mo.width = std::max(8, options.width);
  mo.threads = options.threads;
  const std::size_t np = doc.performers.size();
  for (const Column& col : cols) {
    Document d = doc;
    const auto cam_it = std::find_if(d.cameras.begin(), d.cameras.end(), [&](const Camera& c) { return c.id == col.camera; });
    const int cam = static_cast<int>(cam_it - d.cameras.begin());
    if (col.lens) {  // the lens the takes logged is on for the whole setup
      cam_it->focal_mm = *col.lens;
      for (CameraMove& m : cam_it->moves) m.focal_mm.reset();
    }
    LinedSetup setup;
    setup.setup = col.setup;
    setup.camera = col.camera;
    setup.lens_mm = col.lens.value_or(cam_it->focal_mm);
    setup.planned = planned;
    setup.takes = col.takes;
    for (const Beat& b : d.choreography.beats) {
      std::vector<OnScreen> row(np, OnScreen::out);
      for (double c : moments(b, options.samples_per_count)) {
        const Stage stage = evaluate(d, c, options.meshes);
        const CameraMasking m = mask_camera(stage, cam, mo);
        for (std::size_t p = 0; p < np && p < m.performers.size(); ++p) {
          const PerformerMasking& pm = m.performers[p];
          if (pm.seen >= options.min_rays) row[p] = OnScreen::seen;
          else if (pm.in_frame > 0 && row[p] == OnScreen::out) row[p] = OnScreen::hidden;
        }
        if (std::all_of(row.begin(), row.end(), [](OnScreen s) { return s == OnScreen::seen; })) break;
      }
      setup.beats.push_back(std::move(row));
    }
    out.setups.push_back(std::move(setup));
  }
  return out;
}

}  // namespace cs
