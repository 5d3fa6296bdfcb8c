// edits_cameras.cpp — cameras and their moves (edits_cameras.hpp).
#include "notation/edits_cameras.hpp"

#include <algorithm>

#include "notation/edits_lists.hpp"

namespace cs {

namespace {

void sort_moves(Camera& c) {
  std::stable_sort(c.moves.begin(), c.moves.end(), [](const CameraMove& a, const CameraMove& b) { return a.count < b.count; });
}

}  // namespace

Edited add_camera(const Document& doc, Camera camera, std::string* id) {
  if (camera.id.empty()) camera.id = next_camera_letter(doc);
  sort_moves(camera);
  return edit_lists::add(doc, &Document::cameras, std::move(camera), id);
}

Edited set_camera(const Document& doc, const std::string& id, Camera camera) {
  sort_moves(camera);
  return edit_lists::set(doc, &Document::cameras, id, std::move(camera), ItemKind::camera, "camera");
}

Edited remove_camera(const Document& doc, const std::string& id) {
  return edit_lists::remove(doc, &Document::cameras, id, ItemKind::camera, "camera");
}

Edited add_camera_move(const Document& doc, const std::string& camera, CameraMove move) {
  const Camera* c = doc.camera(camera);
  if (!c) return Edited::refused("There is no camera " + quoted_text(camera));
  Camera changed = *c;
  changed.moves.push_back(move);
  return set_camera(doc, camera, std::move(changed));
}

Edited set_camera_move(const Document& doc, const std::string& camera, std::size_t i, CameraMove move) {
  const Camera* c = doc.camera(camera);
  if (!c) return Edited::refused("There is no camera " + quoted_text(camera));
  if (i >= c->moves.size()) return edit_lists::refuse_index<CameraMove>(i, "move", "Camera " + camera);
  Camera changed = *c;
  changed.moves[i] = move;
  return set_camera(doc, camera, std::move(changed));
}

Edited remove_camera_move(const Document& doc, const std::string& camera, std::size_t i) {
  const Camera* c = doc.camera(camera);
  if (!c) return Edited::refused("There is no camera " + quoted_text(camera));
  if (i >= c->moves.size()) return edit_lists::refuse_index<CameraMove>(i, "move", "Camera " + camera);
  Camera changed = *c;
  changed.moves.erase(changed.moves.begin() + static_cast<std::ptrdiff_t>(i));
  return set_camera(doc, camera, std::move(changed));
}

}  // namespace cs
