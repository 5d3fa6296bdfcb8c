// edits_cameras.hpp — edits of the cameras: lens, placement and moves.
#pragma once

#include <cstddef>
#include <string>

#include "notation/edits.hpp"

namespace cs {

// A new camera named with the next letter (A, B, C… skipping I and O) when its id is empty.
Edited add_camera(const Document& doc, Camera camera, std::string* id = nullptr);
// Replaces camera `id` (a changed id renames every reference to it).
Edited set_camera(const Document& doc, const std::string& id, Camera camera);
// Refused while a masking note, an eyeline or a take names it.
Edited remove_camera(const Document& doc, const std::string& id);

// A camera's moves stay in order of count: a move added or changed goes to its place.
Edited set_camera_move(const Document& doc, const std::string& camera, std::size_t i, CameraMove move);
Edited add_camera_move(const Document& doc, const std::string& camera, CameraMove move);
Edited remove_camera_move(const Document& doc, const std::string& camera, std::size_t i);

}  // namespace cs
