// format.hpp — reading and writing `closedset-scene` files.
//
// load_*: parse, check every field, and report every problem (up to
// kMaxDiagnostics) with its line:column or JSON path. A document is returned only
// when there are no errors. save_*: canonical bytes (fixed key order, 2-space
// indent, numbers that read back exactly) written atomically with a backup.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "notation/diagnostics.hpp"
#include "notation/document.hpp"
#include "notation/validate.hpp"  // validate(): the rules every load and every edit keep

namespace cs {

inline constexpr std::size_t kMaxFileBytes = 32u << 20;  // 32 MiB: far above any real scene
inline constexpr int kMaxNestingDepth = 64;

struct LoadResult {
  std::optional<Document> document;        // set only when `errors` is empty
  std::vector<Diagnostic> errors;
  std::size_t suppressed = 0;              // problems beyond kMaxDiagnostics, counted not listed
  bool ok() const { return document.has_value(); }
};

// `file` is only used to label diagnostics.
LoadResult load_scene_text(std::string_view text, std::string_view file = "");
LoadResult load_scene_file(const std::filesystem::path& path);

// The canonical text of a document. Same document, same bytes.
std::string save_scene_text(const Document& doc);

// "" when the document's saved text fits in a scene file (kMaxFileBytes), else
// why not. Cheap for any real scene: it writes the text only when a bound of
// its size comes near the limit.
std::string save_size_problem(const Document& doc);

struct SaveResult {
  bool ok = false;
  std::string error;                       // why, when !ok; the target is untouched then
  std::filesystem::path backup;            // where the previous version was kept ("" if none)
};

// Write beside the target, flush to disk, keep the previous file as
// `NAME.bak`, rename over the target, sync the folder.
SaveResult save_scene_file(const Document& doc, const std::filesystem::path& path);

// Writes bytes atomically (used by save and by exports): temp file beside the
// target, fsync, optional backup of the old file, rename, fsync of the folder.
SaveResult write_file_atomic(const std::filesystem::path& path, std::string_view bytes,
                             bool keep_backup);

// Writes a file that must not exist yet (closedset new): complete or not at
// all, and never over a file that is there, even one that appears meanwhile.
// Mode 0600. Refused, with the reason, when the name is taken.
SaveResult write_new_file(const std::filesystem::path& path, std::string_view bytes);

}  // namespace cs
