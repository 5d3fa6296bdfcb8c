// test_sheet.cpp — the sheet model: built from the view (no marker its audience
// may not see reaches any field), revision marks beside the beats changed since
// the version the reader confirmed, the digest, the director's outline order.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "notation/audience.hpp"
#include "notation/edits.hpp"
#include "notation/format.hpp"
#include "notation/sheet.hpp"

#include "tests/core/private_markers.hpp"

using namespace cs;

namespace {

Document bedroom() {
  const LoadResult r = load_scene_file(std::filesystem::path(CLOSEDSET_EXAMPLES_DIR) / "bedroom.closedset.json");
  REQUIRE(r.ok());
  return *r.document;
}

AudienceOptions fast() {
  AudienceOptions o;
  o.samples_per_count = 1;
  return o;
}

SheetOptions dated(const char* date = "2026-01-15") {
  SheetOptions o;
  o.date = date;
  o.stills = false;
  return o;
}

bool holds(const std::string& text, const std::string& s) { return text.find(s) != std::string::npos; }

}  // namespace

TEST_CASE("sheet: no sheet holds a marker its audience may not see") {
  Document doc = bedroom();
  const std::vector<std::string> markers = privacy_test::mark_confidential_text(doc);
  for (const Audience& a : {Audience{AudienceKind::performer, "ana"}, Audience{AudienceKind::performer, "ben"},
                            Audience{AudienceKind::director, ""}, Audience{AudienceKind::costume, ""},
                            Audience{AudienceKind::ad, ""}}) {
    const AudienceView v = audience_view(doc, a, fast());
    const std::string text = sheet_plain_text(build_sheet(v, dated()));
    const std::string viewed = save_scene_text(v.doc);
    CAPTURE(audience_id(a));
    for (const std::string& m : markers) {
      CAPTURE(m);
      // A sheet says nothing its view does not hold (notes, riders and partners' lines are not in the view).
      if (!holds(viewed, m)) CHECK_FALSE(holds(text, m));
      if (holds(m, "-note-") || holds(m, "take") || holds(m, "deviation")) CHECK_FALSE(holds(text, m));
      if (a.kind != AudienceKind::performer && (holds(m, "-boundary") || holds(m, "-rider"))) CHECK_FALSE(holds(text, m));
    }
    if (a.kind == AudienceKind::performer) {
      // Their own rider is on their sheet; the partner's never.
      CHECK(holds(text, "PRIVATE-" + a.performer + "-rider0-7f3a"));
      const std::string other = a.performer == "ana" ? "ben" : "ana";
      CHECK_FALSE(holds(text, "PRIVATE-" + other + "-rider0-7f3a"));
    }
  }
}

TEST_CASE("sheet: revision bars beside the beats changed since the version the performer confirmed") {
  Document doc = bedroom();
  // Version 3 issued and confirmed by Ana; version 4 changes beat b02's action and nothing else.
  doc.choreography.history.push_back(snapshot_of(doc, "2026-01-10", "as rehearsed"));
  doc.choreography.confirmations.push_back(Confirmation{"ana", 3, "2026-01-10", true});
  doc.choreography.version = 4;
  doc.choreography.status = ChoreoStatus::draft;
  Beat* b02 = const_cast<Beat*>(doc.beat("b02"));
  REQUIRE(b02);
  b02->action += " She smiles.";
  const Sheet sheet = build_sheet(audience_view(doc, Audience{AudienceKind::performer, "ana"}, fast()), dated());
  CHECK(sheet.header.revised_since == 3);
  int revised = 0;
  for (const SheetSection& s : sheet.sections) {
    if (s.beat.empty()) continue;
    CHECK(s.revised == (s.beat == "b02"));
    revised += s.revised ? 1 : 0;
  }
  CHECK(revised == 1);
  const auto& list = sheet.beat_list;
  for (std::size_t i = 0; i < list.rows.size(); ++i) CHECK(list.row_revised[i] == (list.row_beats[i] == "b02"));
  // Ben never confirmed a version: his sheet has no marks to compare with.
  const Sheet ben = build_sheet(audience_view(doc, Audience{AudienceKind::performer, "ben"}, fast()), dated());
  CHECK(ben.header.revised_since == 0);
  // The director compares with the last issued version.
  const Sheet director = build_sheet(audience_view(doc, Audience{AudienceKind::director, ""}, fast()), dated());
  CHECK(director.header.revised_since == 3);
}

TEST_CASE("sheet: the digest tells content apart, not the day it was printed") {
  Document doc = bedroom();
  const AudienceView v = audience_view(doc, Audience{AudienceKind::ad, ""}, fast());
  const Sheet a = build_sheet(v, dated("2026-01-15"));
  const Sheet b = build_sheet(v, dated("2026-02-01"));
  CHECK(a.header.digest == b.header.digest);
  CHECK(a.header.digest.size() == 9);
  Beat* b01 = const_cast<Beat*>(doc.beat("b01"));
  b01->label = "Sit down";
  const Sheet c = build_sheet(audience_view(doc, Audience{AudienceKind::ad, ""}, fast()), dated("2026-01-15"));
  CHECK(c.header.digest != a.header.digest);
}

TEST_CASE("sheet: the masking sheet is camera then beat, with lens facts and a still per beat") {
  const Document doc = bedroom();
  SheetOptions o = dated();
  o.stills = true;
  const Sheet s = build_sheet(audience_view(doc, Audience{AudienceKind::director, ""}, fast()), o);
  std::vector<std::string> level1;
  std::size_t stills = 0;
  for (const SheetSection& sec : s.sections) {
    if (sec.level == 1) level1.push_back(sec.anchor);
    stills += sec.still ? 1 : 0;
  }
  CHECK(stills == doc.cameras.size() * doc.choreography.beats.size());
  REQUIRE(level1.size() >= 3);
  CHECK(level1[1] == "camera-A");
  CHECK(level1[2] == "camera-B");
  const auto cam = std::find_if(s.sections.begin(), s.sections.end(), [](const SheetSection& x) { return x.anchor == "camera-A"; });
  REQUIRE(cam != s.sections.end());
  const auto has = [&](const char* k) {
    return std::any_of(cam->facts.begin(), cam->facts.end(), [&](const auto& f) { return f.first == k; });
  };
  CHECK(has("Lens"));
  CHECK(has("Field of view"));
  CHECK(has("Height and tilt"));
  // Every link on the findings section points at a section of the sheet.
  for (const SheetSection& sec : s.sections)
    for (const SheetLink& l : sec.links) {
      if (l.anchor.empty()) continue;
      CHECK(std::any_of(s.sections.begin(), s.sections.end(), [&](const SheetSection& x) { return x.anchor == l.anchor; }));
    }
}
