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
  CHECK(percent_text(0) == "0.00%");
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
