// vocab.cpp — vocab.hpp: the tables carried on the vocabularies' own lines.
#include "notation/vocab.hpp"

namespace cs {

namespace {

#define CS_REGION_TIER(region, label, tier) Tier::tier,
constexpr std::array<Tier, kRegionCount> kRegionTiers = {CS_REGIONS(CS_REGION_TIER)};
#undef CS_REGION_TIER

#define CS_SENSOR_SIZE(sensor, label, width, height) SensorSize{width, height, label},
constexpr std::array<SensorSize, vocab_size<Sensor>()> kSensorSizes = {CS_SENSORS(CS_SENSOR_SIZE)};
#undef CS_SENSOR_SIZE

}  // namespace

Tier default_tier(Region r) { return kRegionTiers[static_cast<std::size_t>(r)]; }

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

SensorSize sensor_size_mm(Sensor s) { return kSensorSizes[static_cast<std::size_t>(s)]; }

}  // namespace cs
