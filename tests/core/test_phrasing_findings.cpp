// test_phrasing_findings.cpp — the wording the checks' findings use, from
// phrasing.hpp (spans, shares, distances, views, garment names).
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "notation/audience.hpp"
#include "notation/checks.hpp"
#include "notation/document.hpp"
#include "notation/format.hpp"
#include "notation/phrasing.hpp"
#include "notation/sheet.hpp"

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

namespace {

// Every spelling of every vocabulary that is more than one word ("body_press",
// "through_barrier", "breast_l"), from the vocabularies themselves.
std::vector<std::string> multi_word_spellings() {
  std::vector<std::string> out;
  for_each_vocab([&](auto tag) {
    using E = typename decltype(tag)::type;
    for (std::string_view n : Vocab<E>::names)
      if (n.find('_') != std::string_view::npos) out.emplace_back(n);
  });
  return out;
}

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// The first multi-word spelling `text` holds as a word of its own, or "".
std::string raw_spelling_in(const std::string& text, const std::vector<std::string>& spellings) {
  for (const std::string& w : spellings)
    for (std::size_t at = text.find(w); at != std::string::npos; at = text.find(w, at + 1)) {
      const bool starts = at == 0 || !word_char(text[at - 1]);
      const bool ends = at + w.size() == text.size() || !word_char(text[at + w.size()]);
      if (starts && ends) return w;
    }
  return "";
}

}  // namespace

TEST_CASE("phrasing: people's words for every vocabulary value come from the vocabulary") {
  CHECK(vocab_label(ContactKind::body_press) == "body press");
  CHECK(vocab_label(ContactKind::kiss_open) == "open-mouth kiss");
  CHECK(vocab_label(Layer::through_barrier) == "through a barrier");
  CHECK(vocab_label(Region::breast_l) == "left breast");
  CHECK(vocab_label(Joint::spine_lower) == "lower back");
  CHECK(vocab_label(ContactKind::hand) == "hand");  // a one-word spelling is its own words
  CHECK(layer_words(Layer::skin) == vocab_label(Layer::skin));
  CHECK(vocab_words(std::vector<ContactKind>{ContactKind::kiss_open, ContactKind::hand}) == "open-mouth kiss or hand");
  const std::vector<std::string> spellings = multi_word_spellings();
  CHECK(std::find(spellings.begin(), spellings.end(), "through_barrier") != spellings.end());
  CHECK(raw_spelling_in("a body_press here", spellings) == "body_press");
  CHECK(raw_spelling_in("ana_pasties and a body press", spellings).empty());
  for_each_vocab([](auto tag) {
    using E = typename decltype(tag)::type;
    for (std::size_t i = 0; i < vocab_size<E>(); ++i) {
      CAPTURE(Vocab<E>::names[i]);
      CHECK(vocab_label(vocab_at<E>(i)).find('_') == std::string_view::npos);
      CHECK_FALSE(vocab_label(vocab_at<E>(i)).empty());
    }
  });
}

// Over both examples: no finding's message or suggestion, and no sheet for any
// audience, shows a multi-word vocabulary spelling; people read words.
TEST_CASE("phrasing: findings and sheets of both examples say no raw vocabulary spelling") {
  const std::vector<std::string> spellings = multi_word_spellings();
  REQUIRE(spellings.size() > 20);
  for (const char* name : {"bedroom.closedset.json", "reference.closedset.json"}) {
    CAPTURE(name);
    const LoadResult r = load_scene_file(std::filesystem::path(CLOSEDSET_EXAMPLES_DIR) / name);
    REQUIRE(r.ok());
    const Document& doc = *r.document;
    CheckOptions o;
    o.samples_per_count = 1;
    o.masking_width = 120;
    const CheckReport report = run_checks(doc, o);
    REQUIRE_FALSE(report.findings.empty());
    for (const Finding& f : report.findings) {
      CAPTURE(f.message);
      CHECK(raw_spelling_in(f.message, spellings) == "");
      CHECK(raw_spelling_in(f.suggestion, spellings) == "");
    }
    std::vector<Audience> audiences{{AudienceKind::director, ""}, {AudienceKind::costume, ""}, {AudienceKind::ad, ""},
                                    {AudienceKind::continuity, ""}};
    for (const Performer& p : doc.performers) audiences.push_back({AudienceKind::performer, p.id});
    AudienceOptions ao;
    ao.samples_per_count = 1;
    ao.findings = &report.findings;  // the checks above, not run again for each audience
    for (const Audience& a : audiences) {
      CAPTURE(audience_id(a));
      const AudienceView v = audience_view(doc, a, ao);
      for (const Finding& f : v.findings) CHECK(raw_spelling_in(f.message, spellings) == "");
      SheetOptions so;
      so.date = "2026-01-15";
      so.stills = false;
      const std::string text = sheet_plain_text(build_sheet(v, so));
      CHECK(raw_spelling_in(text, spellings) == "");
    }
  }
}
