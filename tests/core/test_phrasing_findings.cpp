// test_phrasing_findings.cpp — the wording the checks' findings use, from
// phrasing.hpp (spans, shares, distances, views, garment names).
#include <doctest/doctest.h>

#include "notation/document.hpp"
#include "notation/phrasing.hpp"

using namespace cs;

TEST_CASE("phrasing: spans, shares, distances and views as the findings word them") {
  CHECK(count_span_words(5, 5) == "at count 5");
  CHECK(count_span_words(5, 7.25) == "from count 5 to 7.25");
  CHECK(percent_text(0.01234) == "1.23%");
  CHECK(percent_text(0) == "0%");
  // A share that rounds to nothing but is not nothing never reads as 0.00%.
  CHECK(percent_text(0.00002) == "under 0.01%");
  CHECK(percent_text(0.00004999) == "under 0.01%");
  CHECK(percent_text(0.0004, 1) == "under 0.1%");
  CHECK(percent_text(0.0312, 1) == "3.1%");
  CHECK(percent_text(0.5, 0) == "50%");
  CHECK(percent_text(0.001, 0) == "under 1%");
  CHECK(centimetres_text(0.05) == "5 cm");
  CHECK(centimetres_text(0.4) == "40 cm");
  CHECK(view_words(View::front) == "the front");
  CHECK(view_words(View::overhead) == "overhead");
  CHECK(layer_words(Layer::over_garment) == "over a garment");
}

TEST_CASE("phrasing: a garment or a prop by its label, else its id") {
  Garment g;
  g.id = "robe";
  CHECK(display_name(g) == "robe");
  CHECK(name_and_id(g) == "robe");
  g.label = "Her robe";
  CHECK(display_name(g) == "Her robe");
  CHECK(name_and_id(g) == "Her robe (robe)");
  Prop p;
  p.id = "pillow";
  CHECK(display_name(p) == "pillow");
  p.label = "Barrier pillow";
  CHECK(display_name(p) == "Barrier pillow");
}

TEST_CASE("phrasing: one plural for every \"N things\"") {
  CHECK(plural(1, "camera") == "1 camera");
  CHECK(plural(2, "camera") == "2 cameras");
  CHECK(plural(0, "beat") == "0 beats");
  CHECK(plural(1, "match", "matches") == "1 match");
  CHECK(plural(3, "match", "matches") == "3 matches");
  CHECK(plural(2, "info", "info") == "2 info");
  CHECK(counts_text(1) == "1 count");
  CHECK(counts_text(1.5) == "1.5 counts");
  CHECK(counts_text(8) == "8 counts");
}
