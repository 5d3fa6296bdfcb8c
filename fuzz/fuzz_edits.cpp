// fuzz_edits.cpp — libFuzzer target for the one door: the bytes choose a
// sequence of edit-function calls (tests/core/random_edits.hpp, the same
// edits the property test makes, hostile values included: NaN, infinities,
// huge numbers, empty, unknown, duplicate and unprintable ids, dangling
// references). The first byte picks the starting scene (the bundled bedroom
// example, or the small scene the edit tests share).
// Oracle, after each edit: it never changes the document it was given; a
// refusal gives a reason; an edit that was made gives a valid document that
// saves and loads back as itself, byte for byte.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#define DOCTEST_CONFIG_DISABLE  // small_scene.hpp's REQUIRE: not in a fuzzer
#include "notation/format.hpp"
#include "notation/validate.hpp"
#include "random_edits.hpp"
#include "small_scene.hpp"

namespace {

// A uniform random bit generator that hands out libFuzzer's bytes, one a
// draw (spread over 32 bits, so each choice of an edit is about one byte the
// fuzzer can mutate). Past the end it goes on with splitmix64, so that a
// distribution that rejects a draw never waits for ever.
class FuzzBytes {
 public:
  using result_type = std::uint32_t;
  FuzzBytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return UINT32_MAX; }
  result_type operator()() {
    if (at_ < size_) return result_type(data_[at_++]) * 0x01010101u;
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return result_type(z ^ (z >> 31));
  }
  bool exhausted() const { return at_ >= size_; }

 private:
  const std::uint8_t* data_;
  std::size_t size_, at_ = 0;
  std::uint64_t state_ = 0;
};

[[noreturn]] void fail(const char* what, const std::string& detail = "") {
  std::fprintf(stderr, "fuzz_edits: %s%s%s\n", what, detail.empty() ? "" : ": ", detail.c_str());
  std::abort();
}

const cs::Document& bedroom() {
  static const cs::Document doc = [] {
    const cs::LoadResult r = cs::load_scene_file(CLOSEDSET_EXAMPLES_DIR "/bedroom.closedset.json");
    if (!r.ok()) fail("the bedroom example does not load");
    return *r.document;
  }();
  return doc;
}

constexpr int kMaxEdits = 64;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  cs::Document d = data[0] % 2 ? bedroom() : test_scenes::small_scene();
  FuzzBytes bytes(data + 1, size - 1);
  random_edits::Hostile h([&bytes] { return bytes(); });
  for (int step = 0; step < kMaxEdits && !bytes.exhausted(); ++step) {
    const cs::Document before = d;
    cs::Edited e = random_edits::random_edit(d, h);
    if (!(d == before)) fail("an edit changed the document it was given");
    if (!e.ok()) {
      if (e.refusal().empty()) fail("an edit was refused without a reason");
      continue;
    }
    d = std::move(e).take();
    if (const auto problems = cs::validate(d); !problems.empty())
      fail("an edit made a document that is not valid", cs::format_diagnostic(problems.front()));
    const std::string text = cs::save_scene_text(d);
    const cs::LoadResult back = cs::load_scene_text(text, "edited");
    if (!back.ok()) fail("an edited document does not load again", cs::format_diagnostic(back.errors.front()));
    if (!(*back.document == d)) fail("an edited document loads back different");
    if (cs::save_scene_text(*back.document) != text) fail("an edited document saves back to other bytes");
  }
  return 0;
}
