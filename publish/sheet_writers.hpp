// sheet_writers.hpp — a Sheet (notation/sheet.hpp) as PDF, HTML, Markdown or CSV.
//
// Each writer prints every field of the sheet model and nothing else: what
// reaches the file came through the privacy filter. All return bytes; the
// caller writes them atomically. The same sheet gives the same bytes (the PDF
// too: its dates are the sheet's date, nothing is taken from the clock).
//
//   PDF  cairo + pango, A4 portrait, embedded DejaVu fonts; bookmarks (each
//        level-1 section, its level-2 sections under it: camera → beat on the
//        masking sheet); findings link to their beats; metadata (title,
//        subject, author, creator, keywords, dates); a header on every page
//        (scene, number, pages, version, status, date, "For: …", digest), a
//        footer "page n of N"; text flows onto the next page, never cut; a
//        revision bar in the margin beside revised beats.
//   HTML one self-contained page (stills as data: URIs), readable on a phone.
//   MD   Markdown for notes and chat.
//   CSV  the beat list: RFC 4180, CRLF, UTF-8 byte-order mark, formula-looking
//        cells escaped with a leading apostrophe, a numeric start_count beside
//        the text count_label.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>

#include "notation/still.hpp"

namespace cs {

struct AudienceView;
struct PropMeshes;
struct Sheet;
struct SheetStill;

struct PublishOptions {
  const PropMeshes* meshes = nullptr;  // imported prop meshes for the stills
  int still_width = 480;               // pixels across a still (the PDF draws it 170 mm wide)
  int threads = 0;                     // stills rendered at once (0: the hardware's threads); any number, same bytes
  // For a caller on another thread (the editor's File → Export…): told the share
  // done, 0 to 1 (called from the writer's threads, never at once); and a flag
  // that stops the writer between stills and between sections (then
  // PublishResult::cancelled, and no bytes).
  std::function<void(double)> progress;
  const std::atomic<bool>* cancel = nullptr;
};

struct PublishResult {
  std::string bytes;
  std::string error;                   // set when the writer failed or was cancelled
  int pages = 0;                       // PDF: pages written
  bool cancelled = false;
  bool ok() const { return error.empty(); }
};

// `view` is the view the sheet was built from (its document stages the stills).
PublishResult sheet_pdf(const Sheet& sheet, const AudienceView& view, const PublishOptions& options = {});
PublishResult sheet_html(const Sheet& sheet, const AudienceView& view, const PublishOptions& options = {});
std::string sheet_markdown(const Sheet& sheet);
std::string sheet_csv(const Sheet& sheet);

// The still a section asks for, staged from the view's document (the director's
// consent overlay from the view's agreements).
StillImage sheet_still(const AudienceView& view, const SheetStill& still, const PublishOptions& options);

// Every still the sheet asks for, each handed to `take(section index, image)`
// once: one Stage per count (the stills of all cameras at a beat share it), the
// stills spread over `options.threads` threads, each still on one (so `take`
// runs on those threads, for distinct sections at once). The pixels are
// sheet_still's. Returns false when `options.cancel` stopped it (some stills
// were then not taken); reports progress up to `progress_share`.
bool for_each_sheet_still(const Sheet& sheet, const AudienceView& view, const PublishOptions& options,
                          const std::function<void(std::size_t, StillImage&&)>& take, double progress_share = 1.0);

// One CSV cell as RFC 4180 and OWASP want it: a leading apostrophe before = + - @
// tab or CR, quoted when it holds a comma, a quote, CR or LF, quotes doubled.
std::string csv_cell(const std::string& text);

}  // namespace cs
