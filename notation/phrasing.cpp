// phrasing.cpp — phrasing.hpp.
#include "notation/phrasing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "notation/document.hpp"

namespace cs {

std::string display_name(const Performer& p) { return p.character.empty() ? p.id : p.character; }

std::string display_name(const Document& doc, std::string_view performer_id) {
  if (const Performer* p = doc.performer(performer_id)) return display_name(*p);
  return std::string(performer_id);
}

std::string display_name(const Garment& g) { return g.label.empty() ? g.id : g.label; }
std::string display_name(const Prop& p) { return p.label.empty() ? p.id : p.label; }
std::string name_and_id(const Garment& g) { return g.label.empty() ? g.id : g.label + " (" + g.id + ")"; }

std::string possessive(std::string_view name) {
  std::string out(name);
  return out + (out.ends_with('s') ? "'" : "'s");
}

std::string join_list(const std::vector<std::string>& items, std::string_view conjunction) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) {
      if (i + 1 == items.size()) {
        out += ' ';
        out += conjunction;
        out += ' ';
      } else {
        out += ", ";
      }
    }
    out += items[i];
  }
  return out;
}

std::string region_words(const std::vector<Region>& regions, std::string_view conjunction) {
  std::vector<std::string> items;
  items.reserve(regions.size());
  for (Region r : regions) items.emplace_back(region_label(r));
  return join_list(items, conjunction);
}

std::string performer_names(const Document& doc, const std::vector<std::string>& ids, std::string_view conjunction) {
  std::vector<std::string> items;
  items.reserve(ids.size());
  for (const std::string& id : ids) items.push_back(display_name(doc, id));
  return join_list(items, conjunction);
}

std::string number_text(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

std::string exact_number_text(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::string count_label(double count) {
  const double whole = std::floor(count);
  const double frac = count - whole;
  const std::string w = exact_number_text(whole);
  if (frac == 0) return w;
  if (frac == 0.5) return w + "&";
  if (frac == 0.25) return w + "e";
  if (frac == 0.75) return w + "a";
  return exact_number_text(count);
}

std::string pause_word_text(const Safety& safety) {
  return safety.pause_word.empty() ? std::string("not agreed yet") : "\"" + safety.pause_word + "\"";
}

std::string count_span_words(double from, double to) {
  return from == to ? "at count " + number_text(from) : "from count " + number_text(from) + " to " + number_text(to);
}

std::string plural_word(double n, std::string_view one, std::string_view many) {
  if (n == 1 || n == -1) return std::string(one);
  return many.empty() ? std::string(one) + "s" : std::string(many);
}

std::string plural(long long n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + plural_word(static_cast<double>(n), one, many);
}

std::string counts_text(double counts) { return number_text(counts) + " " + plural_word(counts, "count"); }

std::string percent_text(double share, int decimals) {
  decimals = std::clamp(decimals, 0, 3);
  if (share == 0) return "0%";
  const double smallest = std::pow(10.0, -decimals);  // in percent
  std::ostringstream s;
  s.precision(decimals);
  s << std::fixed;
  if (share > 0 && share * 100 < smallest * 0.5) {
    s << "under " << smallest << "%";
    return s.str();
  }
  s << share * 100 << "%";
  return s.str();
}

std::string centimetres_text(double metres) { return number_text(std::round(metres * 100)) + " cm"; }

std::string view_words(View v) {
  return v == View::overhead ? std::string("overhead") : "the " + std::string(vocab_label(v));
}

std::string layer_words(Layer l) { return std::string(vocab_label(l)); }

}  // namespace cs
