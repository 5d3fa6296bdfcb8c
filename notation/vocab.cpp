// vocab.cpp — vocab.hpp: the tables carried on the vocabularies' own lines.
#include "notation/vocab.hpp"

namespace cs {

namespace {

struct RegionFacts {
  Tier tier;
  std::string_view label;
};
#define CS_REGION_FACTS(region, tier, label) RegionFacts{Tier::tier, label},
constexpr std::array<RegionFacts, kRegionCount> kRegionFacts = {CS_REGIONS(CS_REGION_FACTS)};
#undef CS_REGION_FACTS

#define CS_SENSOR_SIZE(sensor, width, height, label) SensorSize{width, height, label},
constexpr std::array<SensorSize, vocab_size<Sensor>()> kSensorSizes = {CS_SENSORS(CS_SENSOR_SIZE)};
#undef CS_SENSOR_SIZE

}  // namespace

Tier default_tier(Region r) { return kRegionFacts[static_cast<std::size_t>(r)].tier; }

std::string_view region_label(Region r) { return kRegionFacts[static_cast<std::size_t>(r)].label; }

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
