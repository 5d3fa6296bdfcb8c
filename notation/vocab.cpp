#include "notation/vocab.hpp"

#include <cassert>

namespace cs {

Tier default_tier(Region r) {
  switch (r) {
    case Region::breast_l: case Region::breast_r: case Region::nipple_l: case Region::nipple_r:
    case Region::pubic: case Region::genitals: case Region::perineum:
    case Region::buttock_l: case Region::buttock_r:
      return Tier::intimate;
    case Region::lips: case Region::inner_thigh_l: case Region::inner_thigh_r:
    case Region::chest_upper: case Region::abdomen_lower: case Region::neck_front:
      return Tier::sensitive;
    default:
      return Tier::ordinary;
  }
}

Region mirror(Region r) {
  const std::string_view name = vocab_name(r);
  if (name.size() > 2 && name[name.size() - 2] == '_') {
    const char side = name.back();
    if (side == 'l' || side == 'r') {
      std::string other(name);
      other.back() = side == 'l' ? 'r' : 'l';
      if (auto m = vocab_parse<Region>(other)) return *m;
    }
  }
  return r;
}

bool is_genital_area(Region r) {
  return r == Region::genitals || r == Region::pubic || r == Region::perineum;
}

std::string_view region_label(Region r) {
  static constexpr std::array<std::string_view, kRegionCount> labels = {
    "scalp", "face", "lips", "left ear", "right ear", "neck (front)", "neck (back)",
    "left shoulder", "right shoulder", "upper chest", "left breast", "right breast",
    "left nipple", "right nipple", "upper abdomen", "lower abdomen", "left flank", "right flank",
    "upper back", "lower back", "left hip", "right hip", "pubic area", "genitals", "perineum",
    "left buttock", "right buttock", "left upper arm", "right upper arm", "left forearm",
    "right forearm", "left hand", "right hand", "left thigh", "right thigh", "left inner thigh",
    "right inner thigh", "left lower leg", "right lower leg", "left foot", "right foot",
  };
  return labels[static_cast<std::size_t>(r)];
}

SensorSize sensor_size_mm(Sensor s) {
  switch (s) {
    case Sensor::super35: return {24.89, 18.66, "Super 35"};
    case Sensor::full_frame: return {36.0, 24.0, "full frame"};
    case Sensor::large_format: return {36.70, 25.54, "large format (ALEXA LF class)"};
    case Sensor::custom: break;
  }
  return {0.0, 0.0, "custom"};
}

}  // namespace cs
