// test_otio_export.cpp — beat markers as OpenTimelineIO: schemas every release
// reads, frames at tempo and fps, colours by the worst finding, privacy.
#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <set>

#include <nlohmann/json.hpp>

#include "notation/checks.hpp"
#include "notation/format.hpp"
#include "notation/otio_export.hpp"

#include "tests/core/private_markers.hpp"

using namespace cs;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

Document bedroom() {
  const LoadResult r = load_scene_file(fs::path(CLOSEDSET_EXAMPLES_DIR) / "bedroom.closedset.json");
  REQUIRE(r.ok());
  return *r.document;
}

// Checks what OpenTimelineIO's readers require of each schema we write (the
// C++ core's read_from: Timeline needs tracks, Track its kind, Marker its
// marked_range, TimeRange and RationalTime their fields) and that only the
// schemas of OTIO's core version map are used. Returns the schemas seen.
std::multiset<std::string> check_otio(const Json& j) {
  static const std::set<std::string> known = {"Timeline.1", "Stack.1", "Track.1", "Gap.1", "Marker.2", "TimeRange.1",
                                              "RationalTime.1"};
  std::multiset<std::string> seen;
  std::function<void(const Json&)> walk = [&](const Json& o) {
    if (o.is_array()) {
      for (const Json& e : o) walk(e);
      return;
    }
    if (!o.is_object()) return;
    if (o.contains("OTIO_SCHEMA")) {
      const std::string s = o["OTIO_SCHEMA"];
      CHECK(known.count(s) == 1);
      seen.insert(s);
      if (s == "RationalTime.1") {
        CHECK(o["rate"].is_number());
        CHECK(o["rate"].get<double>() > 0);
        CHECK(o["value"].is_number());
      }
      if (s == "TimeRange.1") {
        CHECK(o.contains("start_time"));
        CHECK(o.contains("duration"));
      }
      if (s == "Timeline.1") CHECK(o["tracks"]["OTIO_SCHEMA"] == "Stack.1");
      if (s == "Track.1") CHECK(o["kind"] == "Video");
      if (s == "Marker.2") {
        CHECK(o["marked_range"]["OTIO_SCHEMA"] == "TimeRange.1");
        CHECK(o["name"].is_string());
        CHECK(o["color"].is_string());
      }
      if (s == "Stack.1" || s == "Track.1" || s == "Gap.1") {
        CHECK(o["markers"].is_array());
        CHECK(o["effects"].is_array());
        CHECK(o["metadata"].is_object());
      }
    }
    for (const auto& [k, v] : o.items()) walk(v);
  };
  walk(j);
  return seen;
}

}  // namespace

TEST_CASE("otio: one marker per beat, at tempo, in frames at the chosen rate, with the action as comment") {
  const Document doc = bedroom();  // 48 bpm: a count is 1.25 s
  std::vector<std::optional<Severity>> none(doc.choreography.beats.size());
  OtioOptions opt;
  const Json j = Json::parse(export_otio(doc, none, opt));
  const auto schemas = check_otio(j);
  CHECK(schemas.count("Marker.2") == doc.choreography.beats.size());
  CHECK(j["name"] == doc.scene.title);
  const Json& markers = j["tracks"]["markers"];
  REQUIRE(markers.size() == 11);
  // b02 starts at count 5: 4 counts in, 5 s, 120 frames at 24 fps; it lasts 4 counts.
  CHECK(markers[1]["name"] == "b02 Kiss");
  CHECK(markers[1]["marked_range"]["start_time"]["value"] == 120);
  CHECK(markers[1]["marked_range"]["start_time"]["rate"] == 24);
  CHECK(markers[1]["marked_range"]["duration"]["value"] == 120);
  CHECK(markers[1]["comment"] == doc.choreography.beats[1].action);
  CHECK(markers[1]["metadata"]["closedset"]["beat"] == "b02");
  CHECK(markers[1]["metadata"]["closedset"]["start_count"] == 5);
  CHECK(markers[1]["color"] == "GREEN");
  // The timeline lasts the whole choreography: 28 counts = 35 s = 840 frames.
  const Json& gap = j["tracks"]["children"][0]["children"][0];
  CHECK(gap["OTIO_SCHEMA"] == "Gap.1");
  CHECK(gap["source_range"]["duration"]["value"] == 840);
  // 25 fps: frames follow.
  opt.fps = 25;
  const Json k = Json::parse(export_otio(doc, none, opt));
  CHECK(k["tracks"]["markers"][1]["marked_range"]["start_time"]["value"] == 125);
  CHECK(k["tracks"]["markers"][1]["marked_range"]["start_time"]["rate"] == 25);
}

TEST_CASE("otio: a beat's colour is its worst finding: red error, yellow warning, blue info, green none") {
  Document doc = bedroom();
  const auto& beats = doc.choreography.beats;
  auto finding = [](Severity s, std::string beat, double from, double to) {
    Finding f;
    f.severity = s;
    f.beat = std::move(beat);
    f.from_count = from;
    f.to_count = to;
    return f;
  };
  // An info in b01; a warning that starts in b02 and runs into b03 (9..10); an error at one moment in b04 (13..17).
  // A warning that ends where b04r starts (as a contact noted through b04 does: 13–17) stays out of b04r;
  // an info at the moment b04r2 starts (18) is in it.
  const std::vector<Finding> findings = {finding(Severity::info, "b01", 1, 1), finding(Severity::warning, "b02", 7, 9.5),
                                         finding(Severity::error, "b04", 14, 14), finding(Severity::info, "b04", 13, 13),
                                         finding(Severity::warning, "b04", 13, 17), finding(Severity::info, "", 18, 18)};
  const auto worst = worst_severity_per_beat(doc, findings);
  REQUIRE(worst.size() == beats.size());
  CHECK(worst[0] == Severity::info);
  CHECK(worst[1] == Severity::warning);
  CHECK(worst[2] == Severity::warning);  // reached by the span
  CHECK_FALSE(worst[3]);                 // b03h (11–12): untouched
  CHECK(worst[5] == Severity::error);
  CHECK(beats[6].id == "b04r");
  CHECK_FALSE(worst[6]);
  CHECK(worst[7] == Severity::info);
  const Json j = Json::parse(export_otio(doc, worst));
  const Json& m = j["tracks"]["markers"];
  CHECK(m[0]["color"] == "BLUE");
  CHECK(m[1]["color"] == "YELLOW");
  CHECK(m[3]["color"] == "GREEN");
  CHECK(m[5]["color"] == "RED");
  CHECK(m[5]["metadata"]["closedset"]["worst_finding"] == "error");

  // From the real checks: a contact nobody agreed to makes its beat red.
  Document d = doc;
  Contact c;
  c.giver = "ben";
  c.with = Region::hand_r;
  c.receiver = "ana";
  c.region = Region::buttock_l;
  c.kind = ContactKind::stroke;
  c.layer = Layer::skin;
  for (Performer& p : d.performers) p.boundaries.clear();
  d.choreography.beats[6].contacts = {c};
  CheckOptions co;
  co.geometry = false;
  const auto w2 = worst_severity_per_beat(d, run_checks(d, co).findings);
  CHECK(w2[6] == Severity::error);
  CHECK(Json::parse(export_otio(d, w2))["tracks"]["markers"][6]["color"] == "RED");
}

TEST_CASE("otio: --beats marks only that stretch, timed from its first beat") {
  const Document doc = bedroom();
  std::string why;
  OtioOptions opt;
  opt.beats = parse_beat_range(doc, "b04..b05", why);
  REQUIRE(opt.beats);
  const Json j = Json::parse(export_otio(doc, {}, opt));
  check_otio(j);
  const Json& m = j["tracks"]["markers"];
  REQUIRE(m.size() == 6);
  CHECK(m[0]["metadata"]["closedset"]["beat"] == "b04");
  CHECK(m[0]["marked_range"]["start_time"]["value"] == 0);
  CHECK(m[5]["metadata"]["closedset"]["beat"] == "b05");
  CHECK(m[5]["marked_range"]["start_time"]["value"] == 8 * 1.25 * 24);  // count 21, 8 counts after 13
  CHECK(j["metadata"]["closedset"]["from_count"] == 13);
}

TEST_CASE("otio: no boundary, condition, rider line, note or finding message reaches the markers") {
  Document doc = bedroom();
  const std::vector<std::string> markers = privacy_test::mark_confidential_text(doc);
  for (Performer& p : doc.performers)
    for (Boundary& b : p.boundaries) b.state = BoundaryState::conditional;  // so the checks quote the conditions in their messages
  REQUIRE(validate(doc).empty());
  CheckOptions co;
  co.geometry = false;
  const CheckReport report = run_checks(doc, co);
  bool quoted = false;  // the findings do carry a condition: the test would catch it leaking
  for (const Finding& f : report.findings) quoted = quoted || f.message.find("PRIVATE-") != std::string::npos;
  CHECK(quoted);
  const std::string text = export_otio(doc, worst_severity_per_beat(doc, report.findings));
  for (const std::string& m : markers) CHECK(text.find(m) == std::string::npos);
  CHECK(text.find("PRIVATE-") == std::string::npos);
  for (const Finding& f : report.findings) CHECK(text.find(f.message) == std::string::npos);
}
