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
#include "notation/phrasing.hpp"
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

TEST_CASE("sheet: the count score is in bars as the editor's ruler counts them") {
  const Sheet sheet = build_sheet(audience_view(bedroom(), Audience{AudienceKind::performer, "ana"}, fast()), dated());
  const SheetSection* score = nullptr;
  for (const SheetSection& s : sheet.sections)
    if (s.score) score = &s;
  REQUIRE(score);
  CHECK(score->score->counts_per_bar == kCountsPerBar);
  REQUIRE_FALSE(score->lines.empty());
  CHECK(holds(score->lines.front(), bar_length_words()));
}

TEST_CASE("sheet: the header leaves out a scene number and pages that are not set") {
  Document doc = bedroom();
  SheetHeader h = build_sheet(audience_view(doc, Audience{AudienceKind::ad, ""}, fast()), dated()).header;
  h.scene_number = "12";
  h.pages = "34-35";
  CHECK(header_line(h).rfind("Scene 12 \u00b7 pages 34-35 \u00b7 version ", 0) == 0);
  CHECK(holds(header_line(h), " \u00b7 For: "));
  CHECK_FALSE(holds(header_line(h, false), "For:"));
  h.scene_number.clear();
  CHECK(header_line(h).rfind("Pages 34-35 \u00b7 version ", 0) == 0);
  h.pages.clear();
  CHECK(header_line(h).rfind("Version ", 0) == 0);
  CHECK_FALSE(holds(header_line(h), "Scene"));
  CHECK_FALSE(holds(header_line(h), "pages"));
  CHECK_FALSE(holds(header_line(h), "\u00b7  \u00b7"));
  h.date.clear();
  CHECK_FALSE(holds(header_line(h), "\u00b7  \u00b7"));
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

TEST_CASE("sheet: the continuity sheet: versions, the take log against the version in force, deviations by beat, the lined choreography") {
  Document doc = bedroom();
  REQUIRE_FALSE(doc.takes.empty());
  Deviation consent;
  consent.beat = doc.choreography.beats[0].id;
  consent.kind = DeviationKind::consent;
  consent.note = "asked to stop";
  doc.takes[0].deviations.push_back(consent);
  const AudienceView v = audience_view(doc, Audience{AudienceKind::continuity, ""}, fast());
  SheetOptions o = dated();
  o.stills = false;
  const Sheet s = build_sheet(v, o);
  CHECK(s.header.kind == "Continuity sheet");
  auto section = [&](const std::string& anchor) -> const SheetSection* {
    for (const SheetSection& sec : s.sections)
      if (sec.anchor == anchor) return &sec;
    return nullptr;
  };
  const SheetSection* takes = section("takes");
  REQUIRE(takes);
  REQUIRE(takes->table);
  CHECK(takes->table->rows.size() == doc.takes.size());
  const SheetSection* dev = section("deviations");
  REQUIRE(dev);
  REQUIRE(dev->table);
  bool consent_row = false;
  for (std::size_t r = 0; r < dev->table->rows.size(); ++r) {
    const auto& row = dev->table->rows[r];
    const bool is_consent = row[2] == "CONSENT" && row[3] == "CONSENT: see the IC";
    CHECK(dev->table->alert(r) == is_consent);  // the row is drawn so it cannot be missed, and only that one
    consent_row |= is_consent;
  }
  CHECK(consent_row);
  // The consent deviation opens the sheet, in a section drawn to be seen (red in the PDF and HTML), saying which
  // take and beat, and not what happened.
  REQUIRE_FALSE(s.sections.empty());
  const SheetSection& first = s.sections.front();
  CHECK(first.alert);
  CHECK(first.anchor == "consent-deviations");
  CHECK(first.title == "CONSENT: 1 consent deviation logged");
  REQUIRE(first.lines.size() == 1);
  CHECK(holds(first.lines[0], "Take " + doc.takes[0].setup + std::to_string(doc.takes[0].number) + " on camera " + doc.takes[0].camera));
  CHECK(holds(first.lines[0], "CONSENT deviation in " + consent.beat));
  CHECK(holds(first.lines[0], "see them before the next take"));
  CHECK(std::count_if(s.sections.begin(), s.sections.end(), [](const SheetSection& x) { return x.alert; }) == 1);
  // On the take log, the take with it says so in its row, which is marked too.
  CHECK(takes->table->rows[0][6] == "1, 1 CONSENT (" + consent.beat + ")");
  CHECK(takes->table->alert(0));
  CHECK_FALSE(takes->table->alert(1));
  CHECK_FALSE(holds(sheet_plain_text(s), "asked to stop"));
  // Its CSV is the take log, one row per take in the order logged; the consent deviation is named in its own column.
  REQUIRE(s.take_log);
  CHECK(&sheet_csv_table(s) == &*s.take_log);
  const SheetTable& csv = *s.take_log;
  REQUIRE(csv.rows.size() == doc.takes.size());
  auto col = [&](const std::string& name) {
    const auto it = std::find(csv.columns.begin(), csv.columns.end(), name);
    REQUIRE(it != csv.columns.end());
    return static_cast<std::size_t>(it - csv.columns.begin());
  };
  for (std::size_t i = 0; i < doc.takes.size(); ++i) {
    const Take& t = doc.takes[i];
    const auto& row = csv.rows[i];
    CHECK(row[col("scene")] == doc.scene.number);
    CHECK(row[col("take")] == std::to_string(t.number));
    CHECK(row[col("camera")] == t.camera);
    CHECK(row[col("status")] == std::string(vocab_label(t.status)));
    CHECK(row[col("note")] == t.note);
    CHECK(row[col("lens_mm")] == number_text(t.lens_mm ? *t.lens_mm : doc.camera(t.camera)->focal_mm));
    for (const Deviation& dv : t.deviations) CHECK(holds(row[col("deviations")], dv.beat));
  }
  CHECK(csv.rows[0][col("consent_deviations")] == consent.beat + " CONSENT: see the IC");
  CHECK(csv.alert(0));
  CHECK(holds(csv.rows[0][col("deviations")], consent.beat + " CONSENT"));
  CHECK(csv.rows[1][col("consent_deviations")].empty());  // the example's take 2 has a timing deviation only
  CHECK(holds(csv.rows[1][col("deviations")], "Roll came early by one count"));
  // Without a consent deviation, no alert anywhere.
  Document calm = doc;
  calm.takes[0].deviations.pop_back();
  const Sheet quiet = build_sheet(audience_view(calm, Audience{AudienceKind::continuity, ""}, fast()), o);
  CHECK(std::none_of(quiet.sections.begin(), quiet.sections.end(), [](const SheetSection& x) { return x.alert; }));
  // Every other audience's CSV is the beat list.
  const Sheet ad = build_sheet(audience_view(doc, Audience{AudienceKind::ad, ""}, fast()), o);
  CHECK_FALSE(ad.take_log);
  CHECK(&sheet_csv_table(ad) == &ad.beat_list);
  const SheetSection* lined = section("lined");
  REQUIRE(lined);
  REQUIRE(lined->table);
  CHECK(lined->table->rows.size() == doc.choreography.beats.size());
  CHECK(lined->table->columns.size() >= 3);  // beat, counts, a setup or more
  // Each cell is one mark per performer.
  for (const auto& row : lined->table->rows)
    for (std::size_t c = 2; c < row.size(); ++c) CHECK(row[c].size() == 3 * doc.performers.size());  // UTF-8: 3 bytes a mark
}
