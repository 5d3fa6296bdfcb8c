// test_vocab.cpp — each vocabulary is one list: spellings and enum agree, and
// the facts carried on a region's line are the design's (the README's "Body regions").
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "notation/vocab.hpp"

using namespace cs;

namespace {
template <class E> void spellings_round_trip() {
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < vocab_size<E>(); ++i) {
    const E e = vocab_at<E>(i);
    CAPTURE(vocab_name(e));
    CHECK(seen.insert(vocab_name(e)).second);
    CHECK(vocab_parse<E>(vocab_name(e)) == e);
  }
  CHECK_FALSE(vocab_parse<E>("not a word"));
}
}  // namespace

TEST_CASE("vocab: every spelling names its own enumerator, once") {
  spellings_round_trip<Region>();
  spellings_round_trip<Tier>();
  spellings_round_trip<Joint>();
  spellings_round_trip<BoundaryState>();
  spellings_round_trip<Direction>();
  spellings_round_trip<ContactKind>();
  spellings_round_trip<Layer>();
  spellings_round_trip<Pressure>();
  spellings_round_trip<View>();
  spellings_round_trip<Build>();
  spellings_round_trip<GarmentCamera>();
  spellings_round_trip<GarmentKind>();
  spellings_round_trip<PropShape>();
  spellings_round_trip<Fit>();
  spellings_round_trip<Sensor>();
  spellings_round_trip<ChoreoStatus>();
  spellings_round_trip<BreathCue>();
  spellings_round_trip<TakeStatus>();
  CHECK(kRegionCount == 41);
  CHECK(kJointCount == 19);
  CHECK(vocab_name(Region::inner_thigh_r) == "inner_thigh_r");
  CHECK(vocab_name(Layer::over_garment) == "over_garment");
  CHECK(vocab_list<Layer>() == "through_barrier, over_costume, over_garment or skin");
}

TEST_CASE("vocab: default tiers are the README's, and every region has people's words") {
  const std::set<Region> intimate{Region::breast_l, Region::breast_r, Region::nipple_l, Region::nipple_r, Region::pubic,
                                  Region::genitals, Region::perineum, Region::buttock_l, Region::buttock_r};
  const std::set<Region> sensitive{Region::lips, Region::inner_thigh_l, Region::inner_thigh_r, Region::chest_upper,
                                   Region::abdomen_lower, Region::neck_front};
  for (std::size_t i = 0; i < kRegionCount; ++i) {
    const Region r = vocab_at<Region>(i);
    CAPTURE(vocab_name(r));
    const Tier expect = intimate.count(r) ? Tier::intimate : sensitive.count(r) ? Tier::sensitive : Tier::ordinary;
    CHECK(default_tier(r) == expect);
    CHECK_FALSE(region_label(r).empty());
    CHECK(mirror(mirror(r)) == r);
  }
  CHECK(region_label(Region::breast_l) == "left breast");
  CHECK(mirror(Region::hand_l) == Region::hand_r);
  CHECK(sensor_size_mm(Sensor::full_frame).width_mm == 36.0);
  CHECK(sensor_size_mm(Sensor::super35).height_mm == 18.66);
  CHECK(sensor_size_mm(Sensor::custom).width_mm == 0.0);
}
