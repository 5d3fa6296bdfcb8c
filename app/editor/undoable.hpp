// undoable.hpp — one helper that makes any ImGui widget an undoable edit.
//
// Call it right after the widget, with whether the widget changed its value
// this frame and the edit that value means, made from the document as it was
// when the widget was activated:
//
//   std::string label = beat.label;
//   const bool changed = ImGui::InputText("##label", &label);
//   undoable(s, "Edit beat label", changed,
//            [&](const Document& d) { return set_beat_text(d, i, BeatText::label, label); });
//
// The interaction begins when the widget is activated (IsItemActivated); each
// change shows its edit at once (History::update: a refused value leaves the
// last accepted one, and the status line says why); it is committed as one
// undo step when the widget is deactivated after an edit
// (IsItemDeactivatedAfterEdit); Esc cancels it and restores the document. A
// widget that edits in one click (a checkbox, a combo) is one step too. The
// panels never write to the document themselves.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/editor/state.hpp"

namespace cs::editor {

using EditFromOriginal = std::function<Edited(const Document& original)>;

// Returns true when the document shown changed this frame.
bool undoable(EditorState& s, const std::string& label, bool changed, const EditFromOriginal& edit);

// The edit of a field of a listed item (a performer, a camera, a prop): the
// item is named by its place in the list of the document the interaction
// started from, so that a rename typed over several frames (each made from
// that document) edits the same item every time.
template <class T>
EditFromOriginal edit_item_at(std::vector<T> Document::*list, std::size_t u, T value,
                              Edited (*set)(const Document&, const std::string&, T)) {
  return [list, u, value = std::move(value), set](const Document& d) {
    if (u >= (d.*list).size()) return Edited::refused("That item is no longer in the scene.");
    return set(d, (d.*list)[u].id, value);
  };
}

// What ImGui says of the widget this frame; undoable() reads it and calls
// undoable_step(), which tests drive directly.
struct WidgetFrame {
  bool activated = false;              // ImGui::IsItemActivated()
  bool active = false;                 // ImGui::IsItemActive()
  bool deactivated = false;            // ImGui::IsItemDeactivated()
  bool deactivated_after_edit = false; // ImGui::IsItemDeactivatedAfterEdit()
  bool escape = false;                 // Esc pressed this frame
  bool changed = false;                // the widget changed its value this frame
};
enum class WidgetOutcome { none, shown, refused, cancelled, committed };
WidgetOutcome undoable_step(EditorState& s, const std::string& label, const WidgetFrame& w, const EditFromOriginal& edit);

}  // namespace cs::editor
