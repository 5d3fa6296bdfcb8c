// random_edits.hpp — random edits of a document through the edit functions,
// with hostile values (NaN, infinities, huge numbers, empty, unknown, duplicate
// and unprintable ids, dangling references, words past the vocabulary). Shared
// by the property test (tests/core/test_edits.cpp, drawn from std::mt19937)
// and the edit-sequence fuzzer (fuzz/fuzz_edits.cpp, drawn from libFuzzer's
// bytes): Hostile draws from any source of 32 random bits.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "notation/conventions.hpp"
#include "notation/edits_beats.hpp"
#include "notation/edits_cameras.hpp"
#include "notation/edits_cast.hpp"
#include "notation/edits_consent.hpp"
#include "notation/edits_garments.hpp"
#include "notation/edits_poses.hpp"
#include "notation/edits_scene.hpp"
#include "notation/edits_takes.hpp"

namespace random_edits {

class Hostile {
 public:
  // A uniform random bit generator of 32 bits (std::mt19937, or the fuzzer's bytes).
  struct Bits {
    using result_type = std::uint32_t;
    std::function<std::uint32_t()> next;
    static constexpr result_type min() { return 0; }
    static constexpr result_type max() { return UINT32_MAX; }
    result_type operator()() { return next(); }
  };
  explicit Hostile(std::function<std::uint32_t()> bits) : rng_{std::move(bits)} {}

  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }

  // Mostly plausible numbers; one in five is hostile.
  double number(double lo, double hi) {
    if (chance(0.2)) {
      static const double kBad[] = {std::nan(""), std::numeric_limits<double>::infinity(),
                                    -std::numeric_limits<double>::infinity(), 1e300, -1e300, 0.0, -0.0,
                                    200000, -5, 7, 1e-310, 4000.5, -10001};
      return kBad[below(std::size(kBad))];
    }
    return std::uniform_real_distribution<double>(lo, hi)(rng_);
  }
  cs::Vec3 vec(double lo, double hi) { return {number(lo, hi), number(lo, hi), number(lo, hi)}; }
  int integer() { return chance(0.2) ? static_cast<int>(below(3)) - 1 + (chance(0.5) ? 100000 : 0) : static_cast<int>(below(9)) + 1; }

  std::string text() {
    static const char* kTexts[] = {"", "Ana's left shoulder", "Hands flat; no squeezing", "é — ñ, 中文",
                                   "line\nbreak\ttab", "\x01\x02 control", "\xc3\x28 not UTF-8", "\"quoted\" \\ slash"};
    if (chance(0.05)) return std::string(300, 'x');
    return kTexts[below(std::size(kTexts))];
  }

  // An id from the list, or one that is empty, unknown, too long or not printable.
  template <class T> std::string id_from(const std::vector<T>& list) {
    if (!list.empty() && chance(0.75)) return list[below(list.size())].id;
    static const char* kBad[] = {"", "nobody", "b01", "A", "ana", "line\nbreak", "\xff\xfe"};
    if (chance(0.05)) return std::string(80, 'k');
    return kBad[below(std::size(kBad))];
  }
  std::string fresh_or_existing_id(const std::vector<cs::Performer>& list) {
    return chance(0.5) ? std::string() : id_from(list);
  }

  template <class E> E word() {
    // One in fifty is a value the enum's type can hold but the format has no word for.
    if (chance(0.02)) return static_cast<E>(cs::vocab_size<E>() + below(3));
    return cs::vocab_at<E>(below(cs::vocab_size<E>()));
  }
  template <class E> std::vector<E> words(std::size_t max) {
    std::vector<E> out(below(max + 1));
    for (E& e : out) e = word<E>();
    return out;
  }


 private:
  Bits rng_;
};

inline std::size_t beat_count(const cs::Document& d) { return d.choreography.beats.size(); }

inline cs::Contact random_contact(const cs::Document& d, Hostile& h) {
  cs::Contact c;
  c.giver = h.id_from(d.performers);
  c.receiver = h.id_from(d.performers);
  c.with = h.word<cs::Region>();
  c.region = h.word<cs::Region>();
  c.kind = h.word<cs::ContactKind>();
  c.layer = h.word<cs::Layer>();
  c.pressure = h.word<cs::Pressure>();
  if (h.chance(0.3)) c.garment = h.id_from(d.garments);
  if (h.chance(0.2)) c.barrier = h.id_from(d.props);
  return c;
}

inline cs::Pose random_pose(const cs::Document& d, Hostile& h) {
  cs::Pose p;
  p.performer = h.id_from(d.performers);
  p.root_position = h.vec(-3, 3);
  p.root_rotation = h.vec(-180, 180);
  for (std::size_t i = h.below(5); i > 0; --i) p.joints.push_back({h.word<cs::Joint>(), h.vec(-200, 200)});
  return p;
}

inline cs::Performer random_performer(const cs::Document& d, Hostile& h) {
  cs::Performer p;
  p.id = h.fresh_or_existing_id(d.performers);
  p.actor = h.text();
  p.character = h.text();
  p.height_m = h.number(1.2, 2.1);
  p.build = h.word<cs::Build>();
  p.private_note = h.text();
  return p;
}

inline cs::Boundary random_boundary(const cs::Document& d, Hostile& h) {
  cs::Boundary b;
  b.direction = h.word<cs::Direction>();
  b.region = h.word<cs::Region>();
  for (std::size_t i = h.below(3); i > 0; --i) b.partners.push_back(h.id_from(d.performers));
  b.contact = h.words<cs::ContactKind>(3);
  b.layer = h.word<cs::Layer>();
  b.state = h.word<cs::BoundaryState>();
  b.conditions = h.text();
  return b;
}

inline cs::Camera random_camera(const cs::Document& d, Hostile& h) {
  cs::Camera c;
  c.id = h.chance(0.5) ? std::string() : h.id_from(d.cameras);
  c.label = h.text();
  c.sensor = h.word<cs::Sensor>();
  if (c.sensor == cs::Sensor::custom || h.chance(0.1)) c.sensor_mm = {h.number(5, 40), h.number(5, 30)};
  c.focal_mm = h.number(12, 200);
  c.aspect = h.number(1.3, 2.4);
  c.fit = h.word<cs::Fit>();
  c.position = h.vec(-5, 5);
  c.target = h.vec(-2, 2);
  c.roll_deg = h.number(-10, 10);
  return c;
}

// One random edit of the document, through an edit function.
inline cs::Edited random_edit(const cs::Document& d, Hostile& h) {
  const std::size_t nb = beat_count(d);
  const std::size_t beat = h.below(nb + 1);  // sometimes one past the end
  switch (h.below(31)) {
    case 0: return cs::set_tempo(d, h.number(30, 140));
    case 1: return cs::set_scene_info(d, {h.text(), h.text(), h.text(), h.text()});
    case 2: return cs::set_safety(d, {h.text(), h.text()});
    case 3: {
      switch (h.below(4)) {
        case 0: return cs::set_status(d, h.word<cs::ChoreoStatus>(), h.chance(0.9) ? "2026-12-02" : h.text(), h.text());
        case 1: return cs::unlock_to_revise(d);
        default: return cs::confirm_version(d, h.id_from(d.performers), h.chance(0.9) ? "2026-12-03" : "2026-02-30", h.chance(0.5));
      }
    }
    case 4: return cs::add_beat(d, h.number(-5, 60), h.number(0, 8));
    case 5: return cs::split_beat(d, h.number(0, 60));
    case 6: return cs::move_beat(d, beat, h.number(-5, 60));
    case 7: {
      const double s = h.number(-5, 60);
      return cs::resize_beat(d, beat, s, s + h.number(-2, 10));
    }
    case 8: return cs::delete_beat(d, beat);
    case 9:
      if (h.chance(0.2)) return cs::set_beat_placeholder(d, beat, h.chance(0.5));
      return cs::set_beat_text(d, beat, static_cast<cs::BeatText>(h.below(3)), h.text());
    case 10: return cs::add_note(d, beat, random_contact(d, h));
    case 11: return cs::set_note(d, beat, h.below(3), random_contact(d, h));
    case 12:
      switch (h.below(6)) {
        case 0: return cs::remove_note<cs::BreathNote>(d, beat, h.below(3));
        case 1: return cs::remove_note<cs::Eyeline>(d, beat, h.below(3));
        case 2: return cs::remove_note<cs::GarmentChange>(d, beat, h.below(3));
        case 3: return cs::remove_note<cs::MaskingNote>(d, beat, h.below(3));
        case 4: return cs::set_note(d, beat, h.below(3), cs::GarmentChange{h.id_from(d.garments), h.chance(0.5)});
        default: return cs::remove_note<cs::Contact>(d, beat, h.below(3));
      }
    case 13: {
      const double start = beat < nb ? d.choreography.beats[beat].start_count : 1;
      return cs::add_note(d, beat, cs::BreathNote{h.id_from(d.performers), h.word<cs::BreathCue>(), start + h.number(-1, 5)});
    }
    case 14: {
      cs::Eyeline y;
      y.performer = h.id_from(d.performers);
      switch (h.below(4)) {
        case 0: y.target.performer = h.id_from(d.performers); if (h.chance(0.5)) y.target.region = h.word<cs::Region>(); break;
        case 1: y.target.camera = h.id_from(d.cameras); break;
        case 2: y.target.point = h.vec(-3, 3); break;
        default: y.target.camera = h.id_from(d.cameras); y.target.point = h.vec(-1, 1); break;  // two at once
      }
      return cs::add_note(d, beat, y);
    }
    case 15: return cs::add_note(d, beat, cs::GarmentChange{h.id_from(d.garments), h.chance(0.5)});
    case 16: return cs::add_note(d, beat, cs::MaskingNote{h.id_from(d.cameras), h.id_from(d.performers),
                                                         h.words<cs::Region>(3), h.chance(0.5) ? h.id_from(d.props) : h.id_from(d.performers)});
    case 17: return cs::set_pose(d, beat, random_pose(d, h));
    case 18:
      if (h.chance(0.3)) return cs::set_root(d, beat, h.id_from(d.performers), h.vec(-30, 30), h.vec(-400, 400));
      return cs::set_joint(d, beat, h.id_from(d.performers), h.word<cs::Joint>(), h.vec(-200, 200));
    case 19: return cs::remove_pose(d, beat, h.id_from(d.performers));
    case 20: return cs::add_performer(d, random_performer(d, h));
    case 21: return cs::set_performer(d, h.id_from(d.performers), random_performer(d, h));
    case 22: return cs::remove_performer(d, h.id_from(d.performers));
    case 23: {
      const std::string who = h.id_from(d.performers);
      switch (h.below(9)) {
        case 5: return cs::set_line(d, who, h.below(3), cs::Exposure{h.words<cs::Region>(3), h.word<cs::BoundaryState>(), h.words<cs::View>(2), h.text()});
        case 6: return cs::remove_line<cs::Exposure>(d, who, h.below(3));
        case 7: return cs::set_line(d, who, h.below(3), cs::TierRaise{h.word<cs::Region>(), h.word<cs::Tier>()});
        case 8: return cs::remove_line<cs::TierRaise>(d, who, h.below(3));
        case 0: return cs::add_line(d, who, random_boundary(d, h));
        case 1: return cs::set_line(d, who, h.below(4), random_boundary(d, h));
        case 2: return cs::remove_line<cs::Boundary>(d, who, h.below(4));
        case 3: return cs::add_line(d, who, cs::Exposure{h.words<cs::Region>(3), h.word<cs::BoundaryState>(), h.words<cs::View>(2), h.text()});
        default: return cs::add_line(d, who, cs::TierRaise{h.word<cs::Region>(), h.word<cs::Tier>()});
      }
    }
    case 24: {
      cs::Garment g;
      g.id = h.chance(0.5) ? std::string() : h.id_from(d.garments);
      g.wearer = h.id_from(d.performers);
      g.label = h.text();
      g.kind = h.word<cs::GarmentKind>();
      g.covers = h.words<cs::Region>(4);
      g.camera = h.word<cs::GarmentCamera>();
      g.worn = h.chance(0.5);
      if (h.chance(0.5) && !d.garments.empty()) return cs::set_garment(d, h.id_from(d.garments), g);
      return h.chance(0.8) ? cs::add_garment(d, g) : cs::remove_garment(d, h.id_from(d.garments));
    }
    case 25: {
      cs::Prop p;
      p.id = h.chance(0.5) ? std::string() : h.id_from(d.props);
      p.label = h.text();
      p.shape = h.word<cs::PropShape>();
      if (p.shape == cs::PropShape::mesh || h.chance(0.1)) p.mesh = h.text();
      p.size = h.vec(0.1, 2);
      p.position = h.vec(-3, 3);
      p.rotation = h.vec(-90, 90);
      p.barrier = h.chance(0.3);
      if (h.chance(0.3)) p.owner = h.id_from(d.performers);
      if (h.chance(0.5) && !d.props.empty()) return cs::set_prop(d, h.id_from(d.props), p);
      return h.chance(0.8) ? cs::add_prop(d, p) : cs::remove_prop(d, h.id_from(d.props));
    }
    case 26: {
      if (h.chance(0.3)) return cs::add_camera(d, random_camera(d, h));
      if (h.chance(0.2)) return cs::remove_camera(d, h.id_from(d.cameras));
      return cs::set_camera(d, h.id_from(d.cameras), random_camera(d, h));
    }
    case 27: {
      const std::string cam = h.id_from(d.cameras);
      cs::CameraMove m{h.number(0, 60), h.vec(-5, 5), h.vec(-2, 2), std::nullopt};
      if (h.chance(0.3)) m.focal_mm = h.number(12, 200);
      if (h.chance(0.6)) return cs::add_camera_move(d, cam, m);
      return h.chance(0.5) ? cs::set_camera_move(d, cam, h.below(3), m) : cs::remove_camera_move(d, cam, h.below(3));
    }
    case 28: {
      cs::Take t;
      t.setup = h.chance(0.7) ? cs::next_setup_letters(d) : (h.chance(0.5) ? std::string("I") : h.text());
      if (h.chance(0.5)) t.lens_mm = h.number(18, 135);
      t.date = h.chance(0.8) ? "2026-12-04" : h.text();
      t.number = h.integer();
      t.camera = h.id_from(d.cameras);
      t.status = h.word<cs::TakeStatus>();
      t.choreography_version = h.integer();
      t.note = h.text();
      const std::size_t take = h.below(d.takes.size() + 1);
      switch (h.below(3)) {
        case 0: return cs::add_take(d, t);
        case 1: return cs::set_take(d, take, t);
        default: return cs::remove_take(d, take);
      }
    }
    case 29: {
      const std::string who = h.id_from(d.performers);
      std::optional<cs::BoundaryState> state;
      if (h.chance(0.8)) state = h.word<cs::BoundaryState>();
      switch (h.below(7)) {
        case 0: {
          cs::BrushStroke b{h.word<cs::Direction>(), h.chance(0.5) ? std::string() : h.id_from(d.performers), state,
                            h.word<cs::Layer>()};
          return cs::paint_regions(d, who, b, h.words<cs::Region>(5));
        }
        case 1: return cs::copy_map_to_partner(d, who, h.chance(0.3) ? std::string() : h.id_from(d.performers),
                                               h.id_from(d.performers));
        case 2: return cs::mirror_map_left_to_right(d, who);
        case 3: return cs::set_region_tier(d, who, h.word<cs::Region>(),
                                           h.chance(0.2) ? std::nullopt : std::optional(h.word<cs::Tier>()));
        case 4: return cs::set_rider_cell(d, who, h.word<cs::Region>(), h.word<cs::View>(), state);
        case 5: return h.chance(0.5) ? cs::place_breath(d, who, h.number(-5, 60), h.word<cs::BreathCue>())
                                     : cs::move_breath(d, beat, h.below(2), h.number(-5, 60));
        default: return cs::apply_rider_preset(d, who, cs::kRiderPresets[h.below(std::size(cs::kRiderPresets))]);
      }
    }
    default: {
      const std::size_t take = h.below(d.takes.size() + 1);
      cs::Deviation dv;
      dv.beat = h.id_from(d.choreography.beats);
      if (h.chance(0.8)) dv.kind = h.word<cs::DeviationKind>();
      dv.note = h.text();
      switch (h.below(3)) {
        case 0: return cs::add_deviation(d, take, dv);
        case 1: return cs::set_deviation(d, take, h.below(2), dv);
        default: return cs::remove_deviation(d, take, h.below(2));
      }
    }
  }
}

}  // namespace random_edits
