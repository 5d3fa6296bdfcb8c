// undoable.cpp — begin on activate, show each change, commit on deactivate
// after an edit, cancel on Esc (undoable.hpp).
#include "app/editor/undoable.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID: Esc ends a drag without its value

namespace cs::editor {

WidgetOutcome undoable_step(EditorState& s, const std::string& label, const WidgetFrame& w, const EditFromOriginal& edit) {
  if (!s.history.has_document()) return WidgetOutcome::none;
  if (w.activated) s.history.begin(label);
  // Esc while the widget is held: back to the document at the start.
  if (w.active && w.escape) {
    s.history.cancel();
    s.status = label + " cancelled";
    return WidgetOutcome::cancelled;
  }
  WidgetOutcome out = WidgetOutcome::none;
  if (w.changed) {
    if (!s.history.editing()) s.history.begin(label);  // a one-click widget: activated and changed at once
    const std::uint64_t before = s.history.generation();
    const std::string why = s.history.update(edit(s.history.original()));
    if (!why.empty()) {
      s.status = label + " stopped: " + why;
      out = WidgetOutcome::refused;
    } else if (s.history.generation() != before) {
      out = WidgetOutcome::shown;
    }
  }
  // A held widget commits when let go; a one-click widget (changed without
  // staying active) at once. Let go with nothing edited records no step.
  if (w.deactivated_after_edit || w.deactivated || (w.changed && !w.active)) {
    if (finish_interaction(s)) out = WidgetOutcome::committed;
  }
  return out;
}

bool undoable(EditorState& s, const std::string& label, bool changed, const EditFromOriginal& edit) {
  WidgetFrame w;
  w.activated = ImGui::IsItemActivated();
  w.active = ImGui::IsItemActive();
  w.deactivated = ImGui::IsItemDeactivated();
  w.deactivated_after_edit = ImGui::IsItemDeactivatedAfterEdit();
  w.escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  w.changed = changed;
  const WidgetOutcome out = undoable_step(s, label, w, edit);
  // A drag or a slider would keep going after Esc: let it go. (A text field
  // reverts its own text on Esc and lets go by itself.)
  if (out == WidgetOutcome::cancelled) ImGui::ClearActiveID();
  return out == WidgetOutcome::shown || out == WidgetOutcome::committed || out == WidgetOutcome::cancelled;
}

}  // namespace cs::editor
