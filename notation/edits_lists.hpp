// edits_lists.hpp — how the edit functions add, replace and remove items of a
// document's lists (internal to the edits_*.cpp files). Items with ids are
// found by id; renaming one renames every reference to it; removing one that
// is still referenced is refused, naming where.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "notation/edits.hpp"
#include "notation/phrasing.hpp"

namespace cs::edit_lists {

// The refusal for a beat index past the end ("There is no beat 7"; beats count from 1).
inline std::string no_beat(std::size_t index) { return "There is no beat " + std::to_string(index + 1); }

template <class T> T* find(std::vector<T>& list, std::string_view id) {
  for (T& item : list)
    if (item.id == id) return &item;
  return nullptr;
}

// Adds the item; `id`, when given, receives its id only when the edit is made.
template <class T> Edited add(const Document& doc, std::vector<T> Document::*list, T item, std::string* id = nullptr) {
  Document d = doc;
  std::string added = item.id;
  (d.*list).push_back(std::move(item));
  Edited e = checked(doc, std::move(d));
  if (id && e.ok()) *id = std::move(added);
  return e;
}

// `what` names the kind of item in messages: "performer", "camera"…
template <class T>
Edited set(const Document& doc, std::vector<T> Document::*list, std::string_view id, T item, ItemKind kind,
           std::string_view what) {
  Document d = doc;
  T* found = find(d.*list, id);
  if (!found) return Edited::refused("There is no " + std::string(what) + " " + quoted_text(id));
  const std::string renamed = item.id;
  *found = std::move(item);
  if (renamed != id) rename_references(d, kind, id, renamed);
  return checked(doc, std::move(d));
}

template <class T>
Edited remove(const Document& doc, std::vector<T> Document::*list, std::string_view id, ItemKind kind,
              std::string_view what) {
  Document d = doc;
  auto& items = d.*list;
  const auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
  if (it == items.end()) return Edited::refused("There is no " + std::string(what) + " " + quoted_text(id));
  if (std::string why = refuse_if_referenced(doc, kind, id); !why.empty()) return Edited::refused(why);
  items.erase(it);
  return checked(doc, std::move(d));
}

// Items of a list inside an item (a performer's boundary lines, a camera's
// moves, a take's deviations), by index.
template <class T> Edited refuse_index(std::size_t i, std::string_view what, std::string_view owner) {
  return Edited::refused(std::string(owner) + " has no " + std::string(what) + " " + std::to_string(i + 1));
}

}  // namespace cs::edit_lists
