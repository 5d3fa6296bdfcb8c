// test_printable.cpp — text from a scene shown on a terminal cannot drive it
// (notation/printable.hpp).
#include <doctest/doctest.h>

#include <string>

#include "notation/printable.hpp"

using namespace cs;

namespace {
// True when `s` holds no byte a terminal acts on: no C0 control but those
// allowed, no DEL, and no UTF-8 C1 control (0xC2 0x80–0x9F).
bool inert(const std::string& s, bool breaks_allowed) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\n' || c == '\t') {
      if (!breaks_allowed) return false;
      continue;
    }
    if (c < 0x20 || c == 0x7F) return false;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x9F)
      return false;
  }
  return true;
}
}  // namespace

TEST_CASE("printable: an escape sequence in a beat label is shown, not obeyed") {
  // Clear the screen, home the cursor, and print a fake all-clear.
  const std::string label = "Lie back\x1b[2J\x1b[H0 errors, 0 warnings";
  const std::string shown = printable(label);
  CHECK(shown == "Lie back^[[2J^[[H0 errors, 0 warnings");
  CHECK(inert(shown, false));
}

TEST_CASE("printable: carriage return, backspace, bell, DEL and NUL are shown in caret notation") {
  CHECK(printable(std::string("a\rb\bc\ad\x7f" "e\0f", 11)) == "a^Mb^Hc^Gd^?e^@f");
}

TEST_CASE("printable: OSC 52 (a write to the clipboard) is shown, with its terminator") {
  const std::string osc = "\x1b]52;c;Y3VybCBldmlsLnNo\x07";
  CHECK(printable(osc) == "^[]52;c;Y3VybCBldmlsLnNo^G");
  CHECK(inert(printable(osc), false));
}

TEST_CASE("printable: newline and tab are kept for whole lines, shown inside a field") {
  CHECK(printable("one\ttwo\nthree", Breaks::keep) == "one\ttwo\nthree");
  CHECK(printable("one\ttwo\nthree", Breaks::show) == "one^Itwo^Jthree");
  CHECK(printable("a\x1b[1Ab\n", Breaks::keep) == "a^[[1Ab\n");
}

TEST_CASE("printable: C1 controls, bidirectional overrides and line separators are named") {
  CHECK(printable("a\xC2\x9B" "2Jb") == "a<U+009B>2Jb");                  // CSI as one code point
  CHECK(printable("exit\xE2\x80\xAE" "0 errors") == "exit<U+202E>0 errors");  // right-to-left override
  CHECK(printable("x\xE2\x81\xA6y") == "x<U+2066>y");                     // left-to-right isolate
  CHECK(printable("x\xE2\x80\xA8y") == "x<U+2028>y");                     // line separator
}

TEST_CASE("printable: bytes that are not UTF-8 are shown one by one") {
  CHECK(printable("a\xFF" "b") == "a<0xFF>b");
  CHECK(printable("\xC3") == "<0xC3>");                       // truncated
  CHECK(printable("\xC0\x80") == "<0xC0><0x80>");             // overlong NUL
  CHECK(printable("\xED\xA0\x80") == "<0xED><0xA0><0x80>");   // a surrogate
  CHECK(printable("\xF4\x90\x80\x80").find("<0xF4>") == 0);   // past U+10FFFF
}

TEST_CASE("printable: names in any script are kept as they are") {
  const std::string names = "Zoë Ångström — 김민지 · שרה · سارة · 🙂 · naïve";
  CHECK(printable(names) == names);
  CHECK(printable("right\xE2\x80\x8F" "mark") == "right\xE2\x80\x8F" "mark");  // RLM stays: right-to-left text uses it
  CHECK(printable("") == "");
}

TEST_CASE("printable: every single byte and every C1 code point comes out inert") {
  for (int b = 0; b < 256; ++b) {
    const std::string one(1, static_cast<char>(b));
    CAPTURE(b);
    CHECK(inert(printable(one, Breaks::show), false));
    CHECK(inert(printable(one, Breaks::keep), true));
  }
  for (unsigned cp = 0x80; cp <= 0x9F; ++cp) {
    const std::string c1{static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    CAPTURE(cp);
    CHECK(inert(printable(c1), false));
  }
}
