#include "render/color_modes.hpp"

#include <array>
#include <memory>

#include "render/geometry.hpp"

namespace cs::render {

namespace palette {
glm::vec4 consent(std::optional<BoundaryState> state) {
  if (!state) return {0.46f, 0.20f, 0.22f, 1};  // not discussed: a dark red, told apart from "no"
  switch (*state) {
    case BoundaryState::yes: return {0.33f, 0.74f, 0.42f, 1};
    case BoundaryState::conditional: return {0.20f, 0.66f, 0.68f, 1};
    case BoundaryState::ask: return {0.95f, 0.70f, 0.22f, 1};
    case BoundaryState::no: return {0.90f, 0.24f, 0.22f, 1};
  }
  return {0.46f, 0.20f, 0.22f, 1};
}
glm::vec4 exposure_forbidden() { return {0.92f, 0.22f, 0.20f, 1}; }
glm::vec4 exposure_conditional() { return {0.20f, 0.66f, 0.68f, 1}; }
glm::vec4 hidden_reads() { return {0.96f, 0.68f, 0.18f, 1}; }
glm::vec4 neutral_skin() { return {0.66f, 0.65f, 0.63f, 1}; }
glm::vec4 neutral_garment() { return {0.42f, 0.43f, 0.46f, 1}; }
}  // namespace palette

namespace {

std::vector<bool> barriers(const Document& doc) {
  std::vector<bool> out;
  for (const Prop& p : doc.props) out.push_back(p.barrier);
  return out;
}

glm::vec4 prop_color(const std::vector<bool>& barrier, const cs::Label& l) {
  const auto pi = static_cast<std::size_t>(l.prop);
  return pi < barrier.size() && barrier[pi] ? glm::mix(palette::barrier(), palette::neutral_garment(), 0.5f)
                                                        : glm::mix(palette::prop(), glm::vec4(0.3f, 0.3f, 0.32f, 1), 0.4f);
}

}  // namespace

LabelColors consent_colors(const Document& doc) {
  // Regions by performer, computed once; the lambda only looks them up.
  auto table = std::make_shared<std::vector<std::array<glm::vec4, kRegionCount>>>(doc.performers.size());
  for (std::size_t p = 0; p < doc.performers.size(); ++p)
    for (std::size_t r = 0; r < kRegionCount; ++r)
      (*table)[p][r] = palette::consent(touch_state(doc.performers[p], vocab_at<Region>(r)));
  return [table, barrier = barriers(doc)](const cs::Label& l) -> glm::vec4 {
    if (l.is_prop()) return prop_color(barrier, l);
    const auto p = static_cast<std::size_t>(l.performer);
    if (p >= table->size()) return palette::neutral_skin();
    const glm::vec4 c = (*table)[p][static_cast<std::size_t>(l.region)];
    // A garment over a region: the region's colour, muted, so fabric reads as fabric.
    return l.is_garment() ? glm::vec4(glm::mix(glm::vec3(c), glm::vec3(palette::neutral_garment()), 0.45f), 1) : c;
  };
}

std::vector<LegendEntry> consent_legend() {
  return {{palette::consent(BoundaryState::yes), "yes"},
          {palette::consent(BoundaryState::conditional), "conditional"},
          {palette::consent(BoundaryState::ask), "ask"},
          {palette::consent(BoundaryState::no), "no"},
          {palette::consent(std::nullopt), "not discussed"}};
}

LabelColors masking_colors(const Document& doc, const CameraExposure& exposure) {
  using Mark = CameraExposure::Mark;
  auto ex = std::make_shared<CameraExposure>(exposure);
  return [ex, barrier = barriers(doc)](const cs::Label& l) -> glm::vec4 {
    if (l.is_prop()) {
      const auto pi = static_cast<std::size_t>(l.prop);
      if (pi < ex->barrier_reads.size() && ex->barrier_reads[pi]) return palette::hidden_reads();
      return prop_color(barrier, l);
    }
    if (l.is_garment()) {
      const auto g = static_cast<std::size_t>(l.garment);
      if (g < ex->hidden_garment_reads.size() && ex->hidden_garment_reads[g]) return palette::hidden_reads();
      return palette::neutral_garment();
    }
    const auto p = static_cast<std::size_t>(l.performer);
    if (p >= ex->regions.size()) return palette::neutral_skin();
    switch (ex->regions[p][static_cast<std::size_t>(l.region)]) {
      case Mark::forbidden: return palette::exposure_forbidden();
      case Mark::conditional: return palette::exposure_conditional();
      default: return palette::neutral_skin();
    }
  };
}

std::vector<LegendEntry> masking_legend() {
  return {{palette::exposure_forbidden(), "bare skin not agreed from this view"},
          {palette::exposure_conditional(), "agreed with conditions"},
          {palette::hidden_reads(), "hidden garment or barrier reads"},
          {palette::neutral_skin(), "agreed, or not seen"}};
}

}  // namespace cs::render
