// color_modes.hpp — the viewport's colour modes other than "by performer":
//  - consent: each region by the state that governs touch on it
//    (notation/consent.hpp touch_state): yes green, conditional teal, ask
//    amber, no red, not discussed a dark red; garments tinted by the region
//    they cover;
//  - masking from one camera: bare skin that reads and the rider does not agree
//    for that view in red, agreed with conditions in teal, hidden garments and
//    barriers that read in amber, everything else neutral. The marks come from
//    the masking engine's ray counts (notation/consent.hpp camera_exposure), so
//    the colours say what the checks say.
// Both return a colouring for SceneDrawOptions::label_colors (it keeps copies
// of what it needs, so it may outlive the document it was made from), and a legend.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "notation/consent.hpp"
#include "notation/document.hpp"
#include "notation/stage.hpp"

namespace cs::render {

using LabelColors = std::function<glm::vec4(const cs::Label&)>;

struct LegendEntry {
  glm::vec4 color;
  std::string text;
};

namespace palette {
glm::vec4 consent(std::optional<BoundaryState> state);  // nullopt: not discussed
glm::vec4 exposure_forbidden();
glm::vec4 exposure_conditional();
glm::vec4 hidden_reads();
glm::vec4 neutral_skin();
glm::vec4 neutral_garment();
}  // namespace palette

LabelColors consent_colors(const Document& doc);
std::vector<LegendEntry> consent_legend();

LabelColors masking_colors(const Document& doc, const CameraExposure& exposure);
std::vector<LegendEntry> masking_legend();

}  // namespace cs::render
