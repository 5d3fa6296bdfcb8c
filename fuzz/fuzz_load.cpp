// fuzz_load.cpp — libFuzzer target: any bytes given to the loader either load
// or give located errors, never a crash; and whatever loads must save and load
// again to the same document and the same bytes (the round-trip promise).
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string_view>

#include "notation/format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const cs::LoadResult first = cs::load_scene_text(text, "fuzz");
  if (!first.ok()) {
    if (first.errors.empty()) { std::fprintf(stderr, "load failed with no error\n"); std::abort(); }
    for (const cs::Diagnostic& d : first.errors)
      if (d.message.empty() || (d.line == 0 && d.path.empty() && d.message.empty())) std::abort();
    return 0;
  }
  const std::string saved = cs::save_scene_text(*first.document);
  const cs::LoadResult second = cs::load_scene_text(saved, "fuzz-resaved");
  if (!second.ok()) {
    for (const auto& d : second.errors) std::fprintf(stderr, "%s\n", cs::format_diagnostic(d).c_str());
    std::fprintf(stderr, "a loaded document did not load again after saving\n");
    std::abort();
  }
  if (!(*second.document == *first.document)) { std::fprintf(stderr, "round trip changed the document\n"); std::abort(); }
  if (cs::save_scene_text(*second.document) != saved) { std::fprintf(stderr, "round trip changed the bytes\n"); std::abort(); }
  return 0;
}
