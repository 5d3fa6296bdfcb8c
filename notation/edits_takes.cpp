// edits_takes.cpp — the take log (edits_takes.hpp).
#include "notation/edits_takes.hpp"

#include <algorithm>

#include "notation/conventions.hpp"
#include "notation/edits_lists.hpp"
#include "notation/phrasing.hpp"

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

std::string current_setup_letters(const Document& doc) {
  for (auto t = doc.takes.rbegin(); t != doc.takes.rend(); ++t)
    if (!t->setup.empty()) return t->setup;  // a take of a file without setups names none
  return "A";
}

std::vector<std::string> setup_letters_choices(const Document& doc, const std::string& also) {
  std::string last = next_setup_letters(doc);
  if (!also.empty() && is_slate_letters(also) && slate_letters_before(last, also)) last = also;
  std::vector<std::string> out;
  for (std::string s = "A";; s = slate_letters_after(s)) {
    out.push_back(s);
    if (s == last) break;
  }
  return out;
}

std::string unready_version_warning(const Document& doc) {
  const Choreography& ch = doc.choreography;
  std::vector<std::string> parts;
  if (ch.status == ChoreoStatus::draft) parts.push_back("Version " + std::to_string(ch.version) + " is a draft, not rehearsed or locked");
  std::vector<std::string> unconfirmed;
  for (const Performer& p : doc.performers)
    if (std::none_of(ch.confirmations.begin(), ch.confirmations.end(),
                     [&](const Confirmation& c) { return c.performer == p.id && c.version == ch.version; }))
      unconfirmed.push_back(display_name(p));
  if (!unconfirmed.empty())
    parts.push_back(join_list(unconfirmed) + (unconfirmed.size() == 1 ? " has" : " have") + " not confirmed " +
                    (parts.empty() ? "version " + std::to_string(ch.version) : std::string("it")));
  std::string s;
  for (const std::string& x : parts) s += (s.empty() ? "" : "; ") + x;
  return s;
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
