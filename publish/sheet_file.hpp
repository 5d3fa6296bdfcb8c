// sheet_file.hpp — a sheet or a still as the bytes of a file, from the full
// document: the one path `closedset sheet`, `closedset render` and the
// editor's File → Export… all take (the privacy filter's view first, then the
// sheet model or the still, then the writer). The caller checks its own
// arguments and writes the bytes atomically.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "notation/sheet.hpp"
#include "notation/still.hpp"
#include "publish/sheet_writers.hpp"

namespace cs {

enum class SheetFormat { pdf, html, md, csv };
// ".pdf", ".html", ".md", ".csv"; the format of a path by its extension (any case).
const char* sheet_format_extension(SheetFormat f);
std::optional<SheetFormat> sheet_format_of(const std::filesystem::path& out);

// Today's date in UTC as YYYY-MM-DD (a sheet's default date).
std::string today_utc();

struct SheetFileOptions {
  SheetFormat format = SheetFormat::pdf;
  std::string date;               // YYYY-MM-DD: the sheet's date (same document and date, same bytes)
  bool stills = true;             // director's and continuity sheets in PDF and HTML: a still per camera per beat
  PublishOptions publish;         // prop meshes, still width, threads, progress, cancel
};

struct FileBytes {
  std::string bytes;
  std::string error;              // why not (a sentence, without the file's name)
  bool bad_input = false;         // the error is the caller's (an unknown performer, camera…), else internal
  bool cancelled = false;
  bool ok() const { return error.empty() && !cancelled; }
};

struct SheetFile : FileBytes {
  SheetHeader header;             // for the caller's summary
  std::size_t beats = 0;
  int pages = 0;                  // PDF
};

// The sheet for `audience` ("performer:ID", "director", "costume", "ad",
// "continuity") of `full`, built only from that audience's view.
SheetFile make_sheet_file(const Document& full, const std::string& audience, const SheetFileOptions& options);

struct StillFileOptions {
  int max_width = 1280, max_height = 720;
  StillOverlay overlay = StillOverlay::none;
  int supersample = 1;
  const PropMeshes* meshes = nullptr;
};

struct StillFile : FileBytes {
  int width = 0, height = 0;
  std::string beat, lens, shot;   // as StillImage says them
};

// The still of camera `camera` (its id) of `full` at `count` as PNG, from the
// director's view (the consent overlay says "not agreed from this view", never a rider).
StillFile make_still_png(const Document& full, const std::string& camera, double count, const StillFileOptions& options);

}  // namespace cs
