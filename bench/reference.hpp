// reference.hpp — the benchmarks' scene: assets/examples/reference.closedset.json
// (64 beats, 2 performers, 4 cameras), loaded once. A benchmark without it
// would measure something else, so a scene that does not load stops the run.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "notation/format.hpp"

namespace bench {

inline const cs::Document& reference() {
  static const cs::Document doc = [] {
    const std::string path = std::string(CLOSEDSET_EXAMPLES_DIR) + "/reference.closedset.json";
    cs::LoadResult r = cs::load_scene_file(path);
    if (!r.ok()) {
      for (const cs::Diagnostic& d : r.errors) std::fprintf(stderr, "%s\n", cs::format_diagnostic(d).c_str());
      std::fprintf(stderr, "bench: the reference scene did not load; nothing was measured\n");
      std::exit(2);
    }
    return *r.document;
  }();
  return doc;
}

}  // namespace bench
