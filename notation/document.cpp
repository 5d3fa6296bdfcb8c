#include "notation/document.hpp"

#include <algorithm>

namespace cs {

namespace {
template <class T> const T* find_by_id(const std::vector<T>& list, std::string_view id) {
  for (const T& item : list)
    if (item.id == id) return &item;
  return nullptr;
}
}  // namespace

const Performer* Document::performer(std::string_view id) const { return find_by_id(performers, id); }
const Garment* Document::garment(std::string_view id) const { return find_by_id(garments, id); }
const Prop* Document::prop(std::string_view id) const { return find_by_id(props, id); }
const Camera* Document::camera(std::string_view id) const { return find_by_id(cameras, id); }
const Beat* Document::beat(std::string_view id) const { return find_by_id(choreography.beats, id); }

int Document::performer_index(std::string_view id) const {
  for (std::size_t i = 0; i < performers.size(); ++i)
    if (performers[i].id == id) return static_cast<int>(i);
  return -1;
}

double Document::first_count() const {
  if (choreography.beats.empty()) return 1;
  double first = choreography.beats.front().start_count;
  for (const Beat& b : choreography.beats) first = std::min(first, b.start_count);
  return first;
}

double Document::last_count() const {
  if (choreography.beats.empty()) return 1;
  double last = choreography.beats.front().end_count();
  for (const Beat& b : choreography.beats) last = std::max(last, b.end_count());
  return last;
}

Tier tier_for(const Performer& p, Region r) {
  Tier t = default_tier(r);
  for (const TierRaise& raise : p.tiers)
    if (raise.region == r && raise.tier > t) t = raise.tier;
  return t;
}

}  // namespace cs
