// still.hpp — a camera still shaded directly from the masking engine's rays.
//
// Every pixel is one ray (or the mean of s × s rays with supersampling) of
// mask_camera() through the camera's real lens, spread over the delivery frame
// lines, so the still is cropped to the frame lines and shows exactly what the
// masking numbers counted: the picture is the evidence (docs/stills.md says why
// this and not an offscreen GL context). Flat colours per label (each
// performer's skin, garments, props), outlined where the label changes, a
// finer line between regions of one body.
//
// Overlays:
//   none      the still
//   masking   bare skin of regions intimate by default in orange, modesty
//             garments and barriers that read in cyan; the rest greyed
//   consent   bare skin of a region not agreed from this view in red (from the
//             director's view: CameraAgreement), agreed bare skin of intimate
//             regions in green, modesty garments that read in yellow
// A still is built from an AudienceView's document, never the scene file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "notation/document.hpp"

namespace cs {

struct CameraAgreement;
struct PropMeshes;
struct Stage;

enum class StillOverlay { none, masking, consent };
std::string_view still_overlay_name(StillOverlay o);     // "none", "masking", "consent"
bool parse_still_overlay(std::string_view text, StillOverlay& out);

struct StillOptions {
  int max_width = 1280, max_height = 720;  // the still is the largest frame-aspect image inside this box
  int supersample = 1;                     // rays per pixel along each axis (1..4)
  StillOverlay overlay = StillOverlay::none;
  // For the consent overlay: the view's agreements (the beat at the count is used).
  const std::vector<CameraAgreement>* agreements = nullptr;
  int threads = 0;
};

struct StillImage {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgb;           // row-major from the top-left, 3 bytes a pixel
  std::string beat;                        // the beat at the count ("" before the first)
  std::string lens;                        // "50 mm Super 35, 2.39"
  std::string shot;                        // the masking engine's shot size
};

// The still of camera `camera` (doc.cameras index) on a Stage of `doc` at its count.
StillImage render_still(const Document& doc, const Stage& stage, int camera, const StillOptions& options = {});

// Pixel size of the still for a frame aspect inside the box (both ≥ 1).
void still_size(double aspect, int max_width, int max_height, int& width, int& height);

}  // namespace cs
