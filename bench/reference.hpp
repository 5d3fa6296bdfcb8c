// reference.hpp — the benchmarks' scene: assets/examples/reference.closedset.json
// (64 beats, 2 performers, 4 cameras), loaded once. A benchmark without it
// would measure something else, so a scene that does not load stops the run.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "notation/format.hpp"

namespace bench {

inline cs::Document load_example(const char* name) {
  {
    const std::string path = std::string(CLOSEDSET_EXAMPLES_DIR) + "/" + name;
    cs::LoadResult r = cs::load_scene_file(path);
    if (!r.ok()) {
      for (const cs::Diagnostic& d : r.errors) std::fprintf(stderr, "%s\n", cs::format_diagnostic(d).c_str());
      std::fprintf(stderr, "bench: %s did not load; nothing was measured\n", name);
      std::exit(2);
    }
    return *r.document;
  }
}

inline const cs::Document& reference() {
  static const cs::Document doc = load_example("reference.closedset.json");
  return doc;
}

// The bundled example (11 beats, 2 performers, 2 cameras).
inline const cs::Document& bedroom() {
  static const cs::Document doc = load_example("bedroom.closedset.json");
  return doc;
}

}  // namespace bench
