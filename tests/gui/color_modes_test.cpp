// The viewport's colour modes: consent and masking colour the figures
// differently from "by performer", and the masking colours agree with the
// checks — where a region is painted as bare skin the rider does not agree, the
// checks report it from that camera at that count.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>

#include "app/editor/editor_app.hpp"
#include "tests/gui/test_editor.hpp"
#include "notation/checks.hpp"
#include "notation/consent.hpp"
#include "notation/format.hpp"
#include "notation/masking.hpp"
#include "notation/stage.hpp"
#include "render/color_modes.hpp"
#include "render/image.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kExample = fs::path(CLOSEDSET_EXAMPLES_DIR) / "bedroom.closedset.json";

fs::path out(const char* name) {
  const auto dir = fs::temp_directory_path() / "closedset_gui_tests";
  fs::create_directories(dir);
  return dir / name;
}

}  // namespace

TEST_CASE("consent and masking colour modes change the picture") {
  auto app = test::make_editor();
  std::string error;  // what a failed PNG write says
  REQUIRE(app->open(kExample));
  auto& s = app->state();
  cs::editor::set_count(s, 9);
  auto shot = [&](const char* name) {
    for (int i = 0; i < 2; ++i) app->frame();
    cs::render::Image img;
    app->frame(&img);
    CHECK(cs::render::write_png(out(name), img, &error));
    return img;
  };
  s.color_mode = cs::render::ColorMode::performer;
  const auto performer = shot("mode_performer.png");
  s.color_mode = cs::render::ColorMode::consent;
  const auto consent = shot("mode_consent.png");
  s.color_mode = cs::render::ColorMode::masking;
  const auto masking = shot("mode_masking.png");
  REQUIRE(cs::editor::look_through_index(s, 0));
  const auto masking_a = shot("mode_masking_through_A.png");
  CHECK(cs::render::difference_fraction(performer, consent) > 0.005);
  CHECK(cs::render::difference_fraction(performer, masking) > 0.005);
  CHECK(cs::render::difference_fraction(consent, masking) > 0.005);
  CHECK(cs::render::luminance_variance(masking_a) > 50.0);
}

TEST_CASE("masking mode paints bare skin the rider does not agree in red") {
  // The example with every garment off, written to a temporary file.
  cs::LoadResult loaded = cs::load_scene_file(kExample);
  REQUIRE(loaded.ok());
  cs::Document doc = *loaded.document;
  for (cs::Garment& g : doc.garments) g.worn = false;
  for (cs::Beat& b : doc.choreography.beats) b.garment_changes.clear();
  const fs::path bare = out("bare.closedset.json");
  REQUIRE(cs::save_scene_file(doc, bare).ok);
  // A camera and count where the masking engine finds such skin.
  std::size_t camera = 0;
  double at = -1;
  for (double count = doc.first_count(); count <= doc.last_count() && at < 0; count += 1) {
    const cs::Stage stage = cs::evaluate(doc, count);
    for (const cs::StageCamera& cam : stage.cameras) {
      const cs::CameraExposure ex = cs::camera_exposure(doc, stage, cs::mask_camera(stage, cam.index));
      for (const auto& regions : ex.regions)
        for (const auto mark : regions)
          if (mark == cs::CameraExposure::Mark::forbidden && at < 0) {
            at = count;
            camera = static_cast<std::size_t>(cam.index);
          }
    }
  }
  REQUIRE(at >= 0);

  auto app = test::make_editor();
  std::string error;  // what a failed PNG write says
  REQUIRE(app->open(bare));
  auto& s = app->state();
  cs::editor::set_count(s, at);
  REQUIRE(cs::editor::look_through_index(s, camera));
  auto red_pixels = [&](cs::render::ColorMode mode, const char* name) {
    s.color_mode = mode;
    for (int i = 0; i < 2; ++i) app->frame();
    cs::render::Image img;
    app->frame(&img);
    CHECK(cs::render::write_png(out(name), img, &error));
    int n = 0;
    for (int y = 0; y < img.height; ++y)
      for (int x = 0; x < img.width; ++x) {
        const std::uint8_t* p = img.pixel(x, y);
        if (p[0] > 150 && p[1] < 80 && p[2] < 80) ++n;
      }
    return n;
  };
  const int performer = red_pixels(cs::render::ColorMode::performer, "bare_performer.png");
  const int masking = red_pixels(cs::render::ColorMode::masking, "bare_masking.png");
  MESSAGE("red pixels: performer mode " << performer << ", masking mode " << masking);
  CHECK(masking > performer + 50);
}

TEST_CASE("the consent colours follow the most cautious receive line") {
  cs::Performer p;
  p.id = "ana";
  cs::Boundary yes;
  yes.region = cs::Region::back_upper;
  yes.state = cs::BoundaryState::yes;
  cs::Boundary ask = yes;
  ask.state = cs::BoundaryState::ask;
  ask.partners = {"ben"};
  cs::Boundary give = yes;
  give.direction = cs::Direction::give;
  give.region = cs::Region::face;
  p.boundaries = {yes, ask, give};
  CHECK(cs::touch_state(p, cs::Region::back_upper) == cs::BoundaryState::ask);
  CHECK_FALSE(cs::touch_state(p, cs::Region::face).has_value());  // only a `give` line: not discussed
  CHECK_FALSE(cs::touch_state(p, cs::Region::hand_l).has_value());

  cs::Document d;
  d.performers = {p};
  const auto colors = cs::render::consent_colors(d);
  cs::Label l;
  l.performer = 0;
  l.region = cs::Region::back_upper;
  CHECK(colors(l) == cs::render::palette::consent(cs::BoundaryState::ask));
  l.region = cs::Region::hand_l;
  CHECK(colors(l) == cs::render::palette::consent(std::nullopt));
}

TEST_CASE("masking colours mark what the checks report, from the masking engine's counts") {
  cs::LoadResult loaded = cs::load_scene_file(kExample);
  REQUIRE(loaded.ok());
  cs::Document doc = *loaded.document;
  bool bare = false;
  SUBCASE("the example as written") {}
  SUBCASE("the example with every garment off, so bare skin reads against the rider") {
    for (cs::Garment& g : doc.garments) g.worn = false;
    for (cs::Beat& b : doc.choreography.beats) b.garment_changes.clear();
    bare = true;
  }
  cs::CheckOptions options;
  options.fragile_offset_m = 0;  // fragile masking is not what this compares
  const cs::CheckReport report = cs::run_checks(doc, options);
  int forbidden = 0, hidden = 0;
  // Every half count (samples of the checks' timeline) from every camera.
  for (double count = doc.first_count(); count <= doc.last_count(); count += 0.5) {
    const cs::Stage stage = cs::evaluate(doc, count);
    for (const cs::StageCamera& cam : stage.cameras) {
      const cs::CameraExposure ex = cs::camera_exposure(doc, stage, cs::mask_camera(stage, cam.index));
      auto reported = [&](std::initializer_list<cs::FindingCode> codes, const std::string& performer, std::optional<cs::Region> r,
                          const std::string& other) {
        for (const cs::Finding& f : report.findings)
          if (std::find(codes.begin(), codes.end(), f.code) != codes.end() && f.camera == cam.id && f.performer == performer &&
              (!r || f.region == r) && (other.empty() || f.other == other) && f.from_count <= count + 1e-9 &&
              f.to_count >= count - 1e-9)
            return true;
        return false;
      };
      for (std::size_t p = 0; p < doc.performers.size(); ++p)
        for (std::size_t r = 0; r < cs::kRegionCount; ++r) {
          if (ex.regions[p][r] != cs::CameraExposure::Mark::forbidden) continue;
          ++forbidden;
          const cs::Region region = cs::vocab_at<cs::Region>(r);
          CHECK_MESSAGE(reported({cs::FindingCode::exposure_refused, cs::FindingCode::exposure_ask}, doc.performers[p].id, region, ""),
                        "camera " << cam.id << " count " << count << " " << doc.performers[p].id << " "
                                  << cs::vocab_name(region));
        }
      for (std::size_t g = 0; g < doc.garments.size(); ++g) {
        if (!ex.hidden_garment_reads[g]) continue;
        ++hidden;
        CHECK_MESSAGE(reported({cs::FindingCode::garment_visible}, doc.garments[g].wearer, std::nullopt, doc.garments[g].id),
                      "camera " << cam.id << " count " << count << " garment " << doc.garments[g].id);
      }
      for (std::size_t p = 0; p < doc.props.size(); ++p) {
        if (!ex.barrier_reads[p]) continue;
        ++hidden;
        CHECK_MESSAGE(reported({cs::FindingCode::garment_visible}, doc.props[p].owner, std::nullopt, doc.props[p].id),
                      "camera " << cam.id << " count " << count << " barrier " << doc.props[p].id);
      }
    }
  }
  MESSAGE("masking marks checked against the findings: " << forbidden << " forbidden regions, " << hidden
                                                         << " hidden garments and barriers");
  if (bare) CHECK(forbidden > 0);
}
