// printable.hpp — text from a scene made safe to show on a terminal or in a
// plain-text file, as `ls` and `git` do with names.
//
// A scene's titles, labels, names and conditions are anyone's text. Printed raw,
// an escape sequence in a beat label can erase the ERROR line above it and print
// a fake "0 errors", or write to the clipboard (OSC 52). Every text output of the
// command line and every plain-text sheet (Markdown, CSV, HTML) passes its text
// through `printable`; JSON stays exact (its writer escapes control characters).
//
// What is shown instead (README, "The command line": "Text that cannot be printed"):
//   C0 controls and DEL   caret notation, as `cat -v` shows them: ESC → ^[, CR → ^M, DEL → ^?
//   C1 controls (U+0080–U+009F), bidirectional embeddings, overrides and isolates
//   (U+202A–U+202E, U+2066–U+2069), line and paragraph separators (U+2028, U+2029)
//                         <U+XXXX>
//   bytes that are not UTF-8   <0xNN>, one per byte
// Everything else (all other UTF-8, including right-to-left letters) is kept.
#pragma once

#include <string>
#include <string_view>

namespace cs {

enum class Breaks {
  keep,  // newline and tab are kept: for whole lines of output that hold their own layout
  show,  // newline and tab are shown too (^J, ^I): for one field inside a line
};

std::string printable(std::string_view text, Breaks breaks = Breaks::show);

}  // namespace cs
