// format.hpp — reading and writing `closedset-scene` files.
//
// load_*: parse, check every field, and report every problem (up to
// kMaxDiagnostics) with its line:column or JSON path. A document is returned only
// when there are no errors. save_*: canonical bytes (fixed key order, 2-space
// indent, numbers that read back exactly); save.hpp writes them to disk.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "notation/diagnostics.hpp"
#include "notation/document.hpp"
#include "notation/save.hpp"      // save_scene_file, write_file_atomic: putting the bytes on disk
#include "notation/validate.hpp"  // validate(): the rules every load and every edit keep

namespace cs {

inline constexpr std::size_t kMaxFileBytes = 32u << 20;  // 32 MiB: far above any real scene
inline constexpr int kMaxNestingDepth = 64;
// A sealed scene (seal.hpp) begins with these bytes; load_scene_file refuses it
// saying so, and load_sealed_scene_file opens it with the passphrase.
inline constexpr std::string_view kSealMagic = "CSSEALED";

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

}  // namespace cs
