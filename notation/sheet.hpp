// sheet.hpp — the sheets as plain data: what each audience's sheet says, in
// order, before any writer lays it out (publish/: PDF, HTML, Markdown, CSV).
//
// A sheet is built from an AudienceView (notation/audience.hpp), never from a
// Document: whatever a writer prints came through the privacy filter. Every
// writer prints every field of the model, so the privacy tests of the view
// carry over to every format (and tests/cli/sheet_tests.cmake checks the
// files themselves).
//
// The model: a header (the scene, the choreography version and status, the
// date, "For: …" and a digest of the content, so two copies can be told apart),
// then sections. A section has a level (1: a part, 2: an item in it; the PDF
// outline is these), an anchor other sections link to, facts (label: value),
// lines, links (a line that points at another section, such as a finding at its
// beat), a table, a count score and a still to draw. A section about a beat
// carries the beat id, and `revised` when that beat changed since the version
// the reader confirmed (or, for a sheet not addressed to a performer, since the
// previous issued version): writers draw a revision bar beside it.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "notation/audience.hpp"
#include "notation/conventions.hpp"
#include "notation/still.hpp"

namespace cs {

struct SheetTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // each as long as `columns`
  std::vector<std::string> row_beats;          // per row: the beat it is about ("" none); revision marks
  std::vector<bool> row_revised;               // per row
  std::vector<bool> row_alert;                 // per row: a consent deviation; writers make it unmissable
  bool alert(std::size_t row) const { return row < row_alert.size() && row_alert[row]; }
};

// The count score: a ruler in bars with "&" ticks, and rows of marks.
struct ScoreMark {
  double from = 1, to = 1;                     // counts
  std::string text;
};
struct ScoreRow {
  std::string label;                           // "gives", "receives", "breath", "eyes", "beats"
  std::vector<ScoreMark> marks;
};
struct SheetScore {
  double first = 1, last = 1;                  // counts covered
  int counts_per_bar = kCountsPerBar;         // notation/conventions.hpp
  std::vector<ScoreRow> rows;
};

struct SheetStill {
  int camera = 0;                              // doc.cameras index (of the view's document)
  double count = 1;
  StillOverlay overlay = StillOverlay::masking;
};

struct SheetLink {
  std::string text;
  std::string anchor;                          // the section it points at
};

struct SheetSection {
  int level = 1;
  std::string anchor;                          // unique in the sheet: "beat-b04", "camera-A-b04"
  std::string title;
  std::string beat;                            // the beat it is about ("" none)
  bool revised = false;
  std::vector<std::pair<std::string, std::string>> facts;
  std::vector<std::string> lines;
  std::vector<SheetLink> links;
  std::optional<SheetTable> table;
  std::optional<SheetScore> score;
  std::optional<SheetStill> still;
  // A consent deviation: writers draw the section so it cannot be missed (PDF
  // and HTML on red, Markdown in bold behind a warning sign).
  bool alert = false;
};

struct SheetHeader {
  std::string kind;                            // "Beat sheet", "Masking sheet", "Costume sheet", "AD sheet"
  std::string scene_title, scene_number, pages;
  int version = 1;
  std::string status;                          // "draft", "rehearsed", "locked"
  std::string date;                            // YYYY-MM-DD
  std::string for_words;                       // "Ana (Maya Lind)"
  std::string digest;                          // "3f9a-07c2": of everything below the header
  std::string tempo;                           // "48 bpm, counts 1 to 29 (35 s)"
  int revised_since = 0;                       // the version revision marks compare with (0: none)
};

struct Sheet {
  Audience audience;
  SheetHeader header;
  std::vector<SheetSection> sections;
  SheetTable beat_list;                        // one row per beat: the CSV of every sheet but continuity's
  // Continuity: one row per take, the script supervisor's log; its CSV
  // instead of the beat list (sheet_csv_table).
  std::optional<SheetTable> take_log;
  std::vector<std::string> left_out;           // what the sheet leaves out
};

struct SheetOptions {
  std::string date;                            // YYYY-MM-DD; the header's date (reproducible output)
  bool stills = true;                          // director: a still per camera per beat
  StillOverlay still_overlay = StillOverlay::masking;
  const PropMeshes* meshes = nullptr;          // continuity: imported prop meshes for the lined choreography
};

// The sheet for the view's audience (interchange has no sheet: a plain beat list).
Sheet build_sheet(const AudienceView& view, const SheetOptions& options);

// The table a CSV of the sheet holds: the take log of a continuity sheet,
// else the beat list.
const SheetTable& sheet_csv_table(const Sheet& sheet);

// The sheet's text, as a digest is taken of it and as tests read it: every
// field, header first.
std::string sheet_plain_text(const Sheet& sheet);

// The header's facts on one line for the writers, with what is not set left
// out (no "Scene  · pages  ·" for a scene without a number or pages):
// "Scene 12 · pages 34–35 · version 3 (locked) · 2026-01-15 · For: Ana · digest 3f9a-07c2".
// Without `with_for`, no "For:" part (the PDF sets it on a line of its own).
std::string header_line(const SheetHeader& h, bool with_for = true);

}  // namespace cs
