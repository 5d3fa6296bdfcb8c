// diagnostics.hpp — problems found in a scene file, reported where they are.
//
// Bad files are values the caller reports, never exceptions that escape the
// loader. A diagnostic names the file, then either a line and column (syntax,
// encoding) or a JSON pointer path (everything semantic), then a sentence a
// person can act on.
#pragma once

#include <string>
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

// At most this many problems are reported per file; a final line says how many more there were.
inline constexpr std::size_t kMaxDiagnostics = 100;

}  // namespace cs
