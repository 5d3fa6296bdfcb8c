// edits_cast.cpp — the cast and their agreements (edits_cast.hpp).
#include "notation/edits_cast.hpp"

#include "notation/edits_lists.hpp"

namespace cs {

namespace {

template <class Line> std::vector<Line>& lines_of(Performer& p);
template <> std::vector<Boundary>& lines_of(Performer& p) { return p.boundaries; }
template <> std::vector<Exposure>& lines_of(Performer& p) { return p.exposure; }
template <> std::vector<TierRaise>& lines_of(Performer& p) { return p.tiers; }

template <class Line> constexpr const char* line_words() {
  if constexpr (std::is_same_v<Line, Boundary>) return "body-map line";
  else if constexpr (std::is_same_v<Line, Exposure>) return "rider line";
  else return "tier entry";
}

Performer* performer_in(Document& d, const std::string& id) { return edit_lists::find(d.performers, id); }
std::string no_performer(const std::string& id) { return "There is no performer " + quoted_text(id); }

}  // namespace

Edited add_performer(const Document& doc, Performer performer, std::string* id) {
  if (performer.id.empty()) performer.id = next_numbered_id(ids_of(doc.performers), "p", 1);
  return edit_lists::add(doc, &Document::performers, std::move(performer), id);
}

Edited set_performer(const Document& doc, const std::string& id, Performer performer) {
  return edit_lists::set(doc, &Document::performers, id, std::move(performer), ItemKind::performer, "performer");
}

Edited remove_performer(const Document& doc, const std::string& id) {
  return edit_lists::remove(doc, &Document::performers, id, ItemKind::performer, "performer");
}

template <class Line> Edited add_line(const Document& doc, const std::string& performer, Line line) {
  Document d = doc;
  Performer* p = performer_in(d, performer);
  if (!p) return Edited::refused(no_performer(performer));
  lines_of<Line>(*p).push_back(std::move(line));
  return checked(doc, std::move(d));
}

template <class Line> Edited set_line(const Document& doc, const std::string& performer, std::size_t i, Line line) {
  Document d = doc;
  Performer* p = performer_in(d, performer);
  if (!p) return Edited::refused(no_performer(performer));
  auto& lines = lines_of<Line>(*p);
  if (i >= lines.size()) return edit_lists::refuse_index<Line>(i, line_words<Line>(), display_name(*p));
  lines[i] = std::move(line);
  return checked(doc, std::move(d));
}

template <class Line> Edited remove_line(const Document& doc, const std::string& performer, std::size_t i) {
  Document d = doc;
  Performer* p = performer_in(d, performer);
  if (!p) return Edited::refused(no_performer(performer));
  auto& lines = lines_of<Line>(*p);
  if (i >= lines.size()) return edit_lists::refuse_index<Line>(i, line_words<Line>(), display_name(*p));
  lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i));
  return checked(doc, std::move(d));
}

#define CS_LINE_EDITS(Line)                                                                  \
  template Edited add_line<Line>(const Document&, const std::string&, Line);                 \
  template Edited set_line<Line>(const Document&, const std::string&, std::size_t, Line);    \
  template Edited remove_line<Line>(const Document&, const std::string&, std::size_t);
CS_LINE_EDITS(Boundary)
CS_LINE_EDITS(Exposure)
CS_LINE_EDITS(TierRaise)
#undef CS_LINE_EDITS

}  // namespace cs
