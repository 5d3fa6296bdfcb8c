// edits_takes.cpp — the take log (edits_takes.hpp).
#include "notation/edits_takes.hpp"

#include <algorithm>

#include "notation/conventions.hpp"
#include "notation/edits_lists.hpp"

namespace cs {

namespace {

std::string no_take(std::size_t i) { return "There is no take " + std::to_string(i + 1) + " in the log"; }
std::string take_words(const Take& t) { return "Take " + std::to_string(t.number); }

}  // namespace

int next_take_number(const Document& doc, const std::string& setup, const std::string& camera) {
  int highest = 0;
  for (const Take& t : doc.takes)
    if (t.setup == setup && t.camera == camera) highest = std::max(highest, t.number);
  return highest + 1;
}

std::string next_setup_letters(const Document& doc) {
  std::string highest;
  for (const Take& t : doc.takes)
    if (slate_letters_before(highest, t.setup)) highest = t.setup;
  return slate_letters_after(highest);
}

Edited add_take(const Document& doc, Take take) {
  Document d = doc;
  // A take is shot against a version: it is issued, so the number the take records keeps meaning what was shot.
  if (take.choreography_version == d.choreography.version)
    issue_current(d, take.date, "take " + take.setup + std::to_string(take.number) + " shot on it");
  d.takes.push_back(std::move(take));
  return checked(doc, std::move(d));
}

Edited set_take(const Document& doc, std::size_t index, Take take) {
  if (index >= doc.takes.size()) return Edited::refused(no_take(index));
  Document d = doc;
  d.takes[index] = std::move(take);
  return checked(doc, std::move(d));
}

Edited remove_take(const Document& doc, std::size_t index) {
  if (index >= doc.takes.size()) return Edited::refused(no_take(index));
  Document d = doc;
  d.takes.erase(d.takes.begin() + static_cast<std::ptrdiff_t>(index));
  return checked(doc, std::move(d));
}

Edited add_deviation(const Document& doc, std::size_t take, Deviation deviation) {
  if (take >= doc.takes.size()) return Edited::refused(no_take(take));
  Document d = doc;
  d.takes[take].deviations.push_back(std::move(deviation));
  return checked(doc, std::move(d));
}

Edited set_deviation(const Document& doc, std::size_t take, std::size_t i, Deviation deviation) {
  if (take >= doc.takes.size()) return Edited::refused(no_take(take));
  if (i >= doc.takes[take].deviations.size())
    return edit_lists::refuse_index<Deviation>(i, "deviation", take_words(doc.takes[take]));
  Document d = doc;
  d.takes[take].deviations[i] = std::move(deviation);
  return checked(doc, std::move(d));
}

Edited remove_deviation(const Document& doc, std::size_t take, std::size_t i) {
  if (take >= doc.takes.size()) return Edited::refused(no_take(take));
  if (i >= doc.takes[take].deviations.size())
    return edit_lists::refuse_index<Deviation>(i, "deviation", take_words(doc.takes[take]));
  Document d = doc;
  d.takes[take].deviations.erase(d.takes[take].deviations.begin() + static_cast<std::ptrdiff_t>(i));
  return checked(doc, std::move(d));
}

}  // namespace cs
