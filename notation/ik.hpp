// ik.hpp — analytic two-bone inverse kinematics for the limbs, within the
// joint limits, and the Euler angles a rotation stores.
//
// A reach handle on a wrist or an ankle moves that joint; the shoulder and
// elbow (hip and knee) follow. The method is the law of cosines (D. Holden,
// "Simple Two Joint IK", 2017), adapted to this skeleton's hinges:
//  - the middle joint is a hinge about its X axis (elbow −150…0: the forearm
//    swings forward; knee 0…150: the lower leg swings back), so its bend is the
//    interior angle the distance asks for, clamped to the hinge's range; its
//    twist (Y) is kept, since it turns the forearm about its own length;
//  - the upper joint (shoulder, hip) is the rotation that takes the limb's
//    plane at rest to the plane through the target and the pole direction (the
//    way the elbow or knee points), converted to the stored X, Y, Z angles
//    nearest the previous ones (no flips), then clamped to its limits.
// The limbs are then placed by forward kinematics, and `short_m` reports how
// far the end joint stayed from the target: out of reach, or held by a limit
// ("hand 3 cm short"). No GL; tests/core/test_ik.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include "notation/document.hpp"
#include "notation/mannequin.hpp"

namespace cs {

enum class Limb : std::uint8_t { arm_l, arm_r, leg_l, leg_r };

struct LimbJoints {
  Joint upper, middle, end;
};
LimbJoints limb_joints(Limb limb);
// The limb a wrist or an ankle ends; nullopt for any other joint.
std::optional<Limb> limb_ending_at(Joint end);
// "hand", "foot": what the status line calls the limb's end.
std::string_view limb_end_word(Limb limb);

// The stored angles (degrees, R = Rx · Ry · Rz) of a rotation: of the two
// solutions, the one nearest `near` (each angle wrapped to within 180° of it).
Vec3 euler_xyz_from_quat(const glm::quat& q, const Vec3& near = {0, 0, 0});

// The same for a joint: of the two solutions, the one its limits keep (or,
// when neither is inside them, the one least outside), clamped to the limits.
Vec3 joint_angles_from_quat(Joint j, const glm::quat& q, const Vec3& near = {0, 0, 0});

// A key's angles for a joint (zero when the key does not name it).
Vec3 pose_joint(const Pose& pose, Joint j);
// Sets a joint's angles in a key (adding it in skeleton order); no clamping.
void set_pose_joint(Pose& pose, Joint j, const Vec3& degrees);

struct IkResult {
  Vec3 upper_deg{0, 0, 0};    // the shoulder's or hip's new angles (within limits)
  Vec3 middle_deg{0, 0, 0};   // the elbow's or knee's new angles (within limits)
  glm::dvec3 end_position{0}; // where the end joint lands, world
  double short_m = 0;         // distance from there to the target
  bool reached() const { return short_m <= 1e-3; }
};

// Solves `limb` of a performer posed by `pose` (their figure `m`) so its end
// joint goes to `target` (world). `pole`: the world direction the elbow or knee
// should point (from the line between the limb's ends); without one, it keeps
// the plane it bends in now (or, straight, its natural bend: knees forward,
// elbows back). Only the limb's upper and middle joints change.
IkResult solve_limb(const Mannequin& m, const Pose& pose, Limb limb, const glm::dvec3& target,
                    const std::optional<glm::dvec3>& pole = std::nullopt);

// The pole direction the limb bends towards now, world (the middle joint's
// offset from the line between the ends; straight: its natural bend).
glm::dvec3 current_pole(const Mannequin& m, const Pose& pose, Limb limb);

}  // namespace cs
