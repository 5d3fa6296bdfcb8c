// diagnostics.hpp — problems found in a scene file, reported where they are.
//
// Bad files are values the caller reports, never exceptions that escape the
// loader. A diagnostic names the file, then either a line and column (syntax,
// encoding) or a JSON pointer path (everything semantic), then a sentence a
// person can act on.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

struct Diagnostic {
  std::string file;      // as given by the caller ("" for text that came from nowhere)
  int line = 0;          // 1-based; 0 when the problem has a path instead
  int column = 0;        // 1-based, in bytes
  std::string path;      // JSON pointer ("/performers/0/boundaries/2/region"); "" for the whole file
  std::string message;   // one sentence, starting with a capital, no trailing period needed
  bool operator==(const Diagnostic&) const = default;
};

// "scene.json:3:14: message" or "scene.json: /cameras/1/focal_mm: message".
std::string format_diagnostic(const Diagnostic& d);

// Text quoted for a message: "…", control characters shown as '?', cut after
// about 60 bytes (a message names a value; it never reproduces a long text).
std::string quoted_text(std::string_view s);

// A key as one token of a JSON pointer ("a/b" → "a~1b", "~" → "~0").
std::string pointer_token(std::string_view key);

// Offset of the first byte that is not well-formed UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view s);

// At most this many problems are reported per file; a final line says how many more there were.
inline constexpr std::size_t kMaxDiagnostics = 100;

}  // namespace cs
