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
// Moves camera `camera`'s move `i` to `count` (its marker dragged along the
// timeline), keeping its place and lens. Refused, saying why, when the count is
// not an ordinary number, lies outside the choreography (its first count to its
// end), or another move of that camera is already at that count. `index`, when
// given, gets the move's index after the edit (moves stay in order of count).
Edited retime_camera_move(const Document& doc, const std::string& camera, std::size_t i, double count,
                          std::size_t* index = nullptr);

// [SECTION] Placing a camera as a DP does
// A camera's own position and target are its key at the first count; these
// edits change them (a camera's moves are edited with set_camera_move).

// The lens set the inspector offers as buttons (mm).
inline constexpr double kLensSetMm[] = {18, 25, 32, 40, 50, 65, 75, 100, 135};

// The DP's numbers for where a camera looks: lens height above the floor,
// tilt (degrees, up positive), pan (degrees, where it looks seen from above:
// 0 looks along −Z, towards the stage from the front of the room; positive
// turns to the camera's right, clockwise from above), and the distance to the
// aim point (metres).
struct CameraAim {
  double height_m = 0, tilt_deg = 0, pan_deg = 0, distance_m = 0;
  bool operator==(const CameraAim&) const = default;
};
CameraAim camera_aim(const Camera& camera);
// Keeps the camera's place on the floor plan; sets its height, and its aim
// point from tilt, pan and distance (tilt within ±89°, distance ≥ 5 cm).
Edited set_camera_aim(const Document& doc, const std::string& id, const CameraAim& aim);
// Moves the camera body; it keeps aiming at the same point.
Edited move_camera(const Document& doc, const std::string& id, Vec3 position);
// Aims the camera at a point; it stays where it is.
Edited aim_camera(const Document& doc, const std::string& id, Vec3 target);
// Swings the camera round its aim point: `yaw_deg` about the vertical
// (anticlockwise seen from above), `pitch_deg` up; the distance is kept and
// the camera never goes over the top (elevation within ±89°).
Edited orbit_camera(const Document& doc, const std::string& id, double yaw_deg, double pitch_deg);
// Operating the camera while looking through it, in its own terms: truck
// (sideways, right positive), dolly (in, along the floor), boom (up) move the
// camera and its aim together, metres; pan (right positive) and tilt (up
// positive) turn the aim about the lens, degrees.
struct CameraOperation {
  double truck_m = 0, dolly_m = 0, boom_m = 0, pan_deg = 0, tilt_deg = 0;
};
Edited operate_camera(const Document& doc, const std::string& id, const CameraOperation& op);
// The same operation applied to a place (position and target) rather than to the camera's own.
CameraMove operated(CameraMove place, const CameraOperation& op);
// Sets where camera `id` stands and aims at `count`, in the key that governs
// it there, so the picture at the playhead is what moves: its own position and
// target when it has no moves (or at the first count with no move there), the
// move at that count, or else a new move at that count (focal length unchanged).
Edited set_camera_place(const Document& doc, const std::string& id, double count, Vec3 position, Vec3 target);
// The focal length (a lens-set button, or the field).
Edited set_focal_length(const Document& doc, const std::string& id, double focal_mm);
// How wide the frame is at `distance_m` from the lens: distance × frame width ÷ focal (metres).
double frame_width_at(const Camera& camera, double distance_m);

}  // namespace cs
