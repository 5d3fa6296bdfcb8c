// diff.hpp — what changed between two versions of a choreography, beat by
// beat, and whom each change concerns.
//
// A version is what an issued version keeps (edits.hpp `snapshot_of`): the
// beats with all their notation, the garments, props, cameras and tempo.
// Beats are matched by id; within a beat, contacts by who touches whom with
// what where (a contact whose touched region moved is "changed", not removed
// and added), poses by performer, masking notes by camera and performer.
// Poses count as changed when a joint turns, or the body turns, by more than
// `DiffOptions::pose_degrees`, or the pelvis moves more than `pose_metres`.
//
// Exposure: with `DiffOptions::exposure`, both versions are staged at every
// whole count and every beat start and masked from every camera; a
// performer's exposure changed where the set of regions whose bare skin reads
// on a camera differs (the checks' read threshold, consent.hpp), among the
// regions their rider is about: those they hold sensitive or intimate, and any
// a line of their rider names. That is what "their exposure on any camera"
// means for re-confirmation.
//
// `closedset diff` prints this; the re-confirmation finding (checks) filters it
// to what concerns one performer.
#pragma once

#include <string>
#include <vector>

#include "notation/document.hpp"

namespace cs {

struct PropMeshes;

enum class ChangeKind {
  tempo, body_changed,
  beat_added, beat_removed, beat_retimed, beat_relabelled, beat_action, beat_notes,
  contact_added, contact_removed, contact_changed,
  pose_added, pose_removed, pose_changed,
  breath_changed, eyelines_changed,
  garment_added, garment_removed, garment_changed, garment_worn_changed,
  prop_added, prop_removed, prop_changed,
  camera_added, camera_removed, camera_changed,
  masking_added, masking_removed, masking_changed,
  exposure_changed,
};
// The change kind as written in JSON: "beat_retimed", "contact_changed"…
std::string_view change_kind_name(ChangeKind k);

struct Change {
  ChangeKind kind;
  std::string beat;                     // the beat it is in ("" for the scene: tempo, garments, props, cameras)
  std::string subject;                  // what changed, by id: a contact "ben:hand_r>ana:back_lower", a performer, a garment, a camera
  std::vector<std::string> performers;  // whom it concerns (performer ids)
  std::string text;                     // a sentence a person can act on
  double amount = 0;                    // pose: the largest turn in degrees (or the move in metres when only the pelvis moved)
  std::string camera;                   // exposure: which camera
  bool operator==(const Change&) const = default;
};

struct DiffOptions {
  double pose_degrees = 2.0;            // a joint or the body turning more than this is a change
  double pose_metres = 0.01;            // the pelvis moving more than this is a change
  bool exposure = true;                 // compare what each camera sees (stages and masks both versions)
  const PropMeshes* meshes = nullptr;   // the current document's imported meshes (mesh props)
  int threads = 0;                      // masking threads; 0: all cores
};

struct ChoreographyDiff {
  int from_version = 0, to_version = 0;
  std::vector<Change> changes;          // in timeline order (scene-wide first), then by kind
  bool empty() const { return changes.empty(); }
  // The changes that concern one performer.
  std::vector<const Change*> concerning(const std::string& performer) const;
};

// `names` gives the words (characters, actors) and the cast the versions are
// staged with: the current document.
ChoreographyDiff diff_versions(const ChoreographyVersion& before, const ChoreographyVersion& after, const Document& names,
                               const DiffOptions& options = {});

// The changes as text a person can act on, grouped by beat.
std::string diff_text(const ChoreographyDiff& diff, const Document& names);

}  // namespace cs
