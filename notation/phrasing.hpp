// phrasing.hpp — how ClosedSet says things to people, defined once.
//
// Findings, the command line, the editor and the sheets all name performers,
// list things and print counts the same way, through these functions. Nothing
// here decides anything about consent or geometry; it only words it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "notation/vocab.hpp"

namespace cs {

struct Document;
struct Garment;
struct Performer;
struct Safety;
struct Prop;

// [SECTION] Names
// A performer as people call them in the room: the character when there is
// one, else the id ("Ana", "ana"). For an id that names no performer, the id.
std::string display_name(const Performer& p);
std::string display_name(const Document& doc, std::string_view performer_id);
// "Ana's", "Chris'".
std::string possessive(std::string_view name);
// A garment or a prop as people call it: its label when it has one, else its id.
std::string display_name(const Garment& g);
std::string display_name(const Prop& p);
// The same with the id, so it can be found in the file: "Her robe (robe)", or the id alone.
std::string name_and_id(const Garment& g);

// [SECTION] Lists
// "a", "a and b", "a, b and c" (`conjunction` "and" or "or"); "" for none.
std::string join_list(const std::vector<std::string>& items, std::string_view conjunction = "and");
// Vocabulary values as a list in people's words: {kiss_open, hand} → "open-mouth kiss or hand".
template <class E> std::string vocab_words(const std::vector<E>& values, std::string_view conjunction = "or") {
  std::vector<std::string> items;
  items.reserve(values.size());
  for (E v : values) items.emplace_back(vocab_label(v));
  return join_list(items, conjunction);
}
// Regions in people's words: "left breast and right breast".
std::string region_words(const std::vector<Region>& regions, std::string_view conjunction = "and");
// Performers by display name: "Ana or Ben".
std::string performer_names(const Document& doc, const std::vector<std::string>& ids,
                            std::string_view conjunction = "or");

// [SECTION] Numbers and counts
// A number for a sentence, as short as reads well (up to 6 significant digits: "13.5", "0.05").
std::string number_text(double v);
// A number exactly: counts on the timeline are binary fractions down to 1/64,
// printed whole ("13.96875", not "13.9688").
std::string exact_number_text(double v);
// A count as a dancer says it: 3 → "3", 3.5 → "3&", 3.25 → "3e", 3.75 → "3a";
// any other fraction is written exactly ("3.125").
std::string count_label(double count);
// A span of the timeline in a sentence: "at count 5" or "from count 5 to 7.25" (number_text).
std::string count_span_words(double from, double to);
// A number of things: plural(1, "camera") → "1 camera", plural(3, "camera") →
// "3 cameras", plural(0, "match", "matches") → "0 matches". `many` defaults to
// `one` + "s". Every "N things" ClosedSet says goes through here.
std::string plural(long long n, std::string_view one, std::string_view many = {});
// The noun alone, for a number written some other way: "count" for 1, else "counts".
std::string plural_word(double n, std::string_view one, std::string_view many = {});
// A length of the timeline: 1 → "1 count", 1.5 → "1.5 counts" (number_text).
std::string counts_text(double counts);
// A share of the frame as a percentage with `decimals` decimals (0 to 3):
// 0.01234 → "1.23%". A share too small to show at that precision but not none
// says so, "under 0.01%", never "0.00%" (a finding reports something that
// showed); none is "0%".
std::string percent_text(double share, int decimals = 2);
// A distance in whole centimetres: 0.05 → "5 cm".
std::string centimetres_text(double metres);

// [SECTION] The safety agreement
// The pause word as sheets and the editor show it: "\"hold\"", or "not agreed
// yet" when nobody has agreed one (never a word nobody chose).
std::string pause_word_text(const Safety& safety);

// [SECTION] Vocabulary in words
std::string layer_words(Layer l);          // vocab_label: "skin to skin", "over a garment"…
std::string view_words(View v);            // "the front", "the side", "the rear", "overhead"

}  // namespace cs
