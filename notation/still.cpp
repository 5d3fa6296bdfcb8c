// still.cpp — a still from the masking engine's labels (see still.hpp).
#include "notation/still.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "notation/audience.hpp"
#include "notation/lens.hpp"
#include "notation/masking.hpp"
#include "notation/stage.hpp"
#include "notation/timeline.hpp"

namespace cs {

namespace {

using Rgb = std::array<float, 3>;

Rgb hex(unsigned v) { return {float((v >> 16) & 255), float((v >> 8) & 255), float(v & 255)}; }

// Skin tones per performer (doc order, cycling): distinct in print and on screen.
constexpr unsigned kSkin[] = {0xe0a98a, 0xa8714f, 0xd7b58f, 0x8c5a3c};
constexpr unsigned kBackground = 0xdde2e8;
constexpr unsigned kCostume = 0x6b86a8;      // a garment meant to be seen
constexpr unsigned kModesty = 0xcbb9a8;      // modesty wear: meant not to read
constexpr unsigned kProp = 0x8f979f;
constexpr unsigned kBarrier = 0xae9470;
constexpr unsigned kOutline = 0x2a2d33;
constexpr unsigned kReads = 0xf08a24;        // masking: intimate bare skin that reads
constexpr unsigned kModestyReads = 0x1fb3cc; // masking: modesty wear or barrier that reads
constexpr unsigned kNotAgreed = 0xe03131;    // consent
constexpr unsigned kAgreed = 0x2f9e44;
constexpr unsigned kGarmentShows = 0xf2c200;

Rgb mix(const Rgb& a, const Rgb& b, float t) {
  return {a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t};
}

Rgb grey_out(const Rgb& c) {
  const float y = 0.3f * c[0] + 0.59f * c[1] + 0.11f * c[2];
  return mix(c, Rgb{y, y, y}, 0.7f);
}

bool same_thing(const Label& a, const Label& b) {
  return a.performer == b.performer && a.garment == b.garment && a.prop == b.prop;
}

}  // namespace

std::string_view still_overlay_name(StillOverlay o) {
  switch (o) {
    case StillOverlay::none: return "none";
    case StillOverlay::masking: return "masking";
    case StillOverlay::consent: return "consent";
  }
  return "none";
}

bool parse_still_overlay(std::string_view text, StillOverlay& out) {
  for (StillOverlay o : {StillOverlay::none, StillOverlay::masking, StillOverlay::consent})
    if (text == still_overlay_name(o)) {
      out = o;
      return true;
    }
  return false;
}

void still_size(double aspect, int max_width, int max_height, int& width, int& height) {
  width = std::max(1, max_width);
  height = std::max(1, int(std::lround(width / aspect)));
  if (height > max_height) {
    height = std::max(1, max_height);
    width = std::max(1, int(std::lround(height * aspect)));
  }
}

StillImage render_still(const Document& doc, const Stage& stage, int camera, const StillOptions& options) {
  StillImage out;
  const StageCamera& sc = stage.cameras.at(std::size_t(camera));
  const Camera& cam = doc.cameras.at(std::size_t(camera));
  still_size(sc.lens.aspect, options.max_width, options.max_height, out.width, out.height);
  const int ss = std::clamp(options.supersample, 1, 4);
  MaskingOptions mo;
  mo.width = out.width * ss;
  mo.height = out.height * ss;
  mo.keep_image = true;
  mo.threads = options.threads;
  const CameraMasking m = mask_camera(stage, camera, mo);
  const Beat* beat = beat_at(doc, stage.count);
  out.beat = beat ? beat->id : "";
  out.lens = lens_label(cam, sc.focal_mm);
  out.shot = std::string(shot_size_name(m.shot));

  // Regions not agreed from this view in this beat, per performer (consent overlay).
  std::vector<std::uint64_t> not_agreed(doc.performers.size(), 0);
  if (options.overlay == StillOverlay::consent && options.agreements && beat)
    for (const CameraAgreement& a : *options.agreements) {
      if (a.beat != beat->id || a.camera != cam.id) continue;
      const int p = doc.performer_index(a.performer);
      if (p < 0) continue;
      for (Region r : a.not_agreed) not_agreed[std::size_t(p)] |= std::uint64_t(1) << unsigned(r);
    }

  auto base = [&](const Label& l) -> Rgb {
    if (l.is_prop()) {
      const bool barrier = doc.props.at(std::size_t(l.prop)).barrier;
      Rgb c = hex(barrier ? kBarrier : kProp);
      if (options.overlay != StillOverlay::none) c = barrier ? hex(kModestyReads) : grey_out(c);
      return c;
    }
    if (l.performer < 0) return hex(kBackground);
    const Performer& p = doc.performers.at(std::size_t(l.performer));
    if (l.is_garment()) {
      const bool modesty = doc.garments.at(std::size_t(l.garment)).camera == GarmentCamera::hidden;
      const Rgb c = hex(modesty ? kModesty : kCostume);
      if (options.overlay == StillOverlay::masking && modesty) return hex(kModestyReads);
      if (options.overlay == StillOverlay::consent && modesty) return hex(kGarmentShows);
      return options.overlay == StillOverlay::none ? c : grey_out(c);
    }
    const Rgb skin = hex(kSkin[std::size_t(l.performer) % std::size(kSkin)]);
    const bool intimate = tier_for(p, l.region) == Tier::intimate;
    switch (options.overlay) {
      case StillOverlay::none: return skin;
      case StillOverlay::masking: return intimate ? hex(kReads) : grey_out(skin);
      case StillOverlay::consent:
        if (not_agreed[std::size_t(l.performer)] & (std::uint64_t(1) << unsigned(l.region))) return hex(kNotAgreed);
        return intimate ? hex(kAgreed) : grey_out(skin);
    }
    return skin;
  };

  // The colour of every label, once (a still has hundreds of thousands of rays
  // and a few hundred labels): the background, each prop, each garment, each
  // performer's skin per region. The same floats `base` gives, so the same bytes.
  const std::size_t n_perf = doc.performers.size(), n_garm = doc.garments.size(), n_prop = doc.props.size();
  std::vector<Rgb> prop_colour(n_prop), garment_colour(n_garm), skin_colour(n_perf * kRegionCount);
  for (std::size_t i = 0; i < n_prop; ++i) {
    Label l;
    l.prop = std::int16_t(i);
    prop_colour[i] = base(l);
  }
  for (std::size_t g = 0; g < n_garm; ++g) {
    Label l;
    l.performer = 0;  // any performer: a garment's colour is its own
    l.garment = std::int16_t(g);
    garment_colour[g] = n_perf ? base(l) : Rgb{};
  }
  for (std::size_t p = 0; p < n_perf; ++p)
    for (std::size_t r = 0; r < kRegionCount; ++r) {
      Label l;
      l.performer = std::int16_t(p);
      l.region = Region(r);
      skin_colour[p * kRegionCount + r] = base(l);
    }
  const Rgb background = hex(kBackground);
  auto colour_of = [&](const Label& l) -> const Rgb& {
    if (l.is_prop()) return prop_colour[std::size_t(l.prop)];
    if (l.performer < 0) return background;
    if (l.is_garment()) return garment_colour[std::size_t(l.garment)];
    return skin_colour[std::size_t(l.performer) * kRegionCount + std::size_t(l.region)];
  };

  // Shade at ray resolution: the label's colour, outlined where what is seen
  // changes (a silhouette), a fainter line where one body's region changes.
  // With a ray a pixel the colour is rounded straight into the pixel (what the
  // mean of one ray below gives); with supersampling the rays are kept and averaged.
  const int W = m.width, H = m.height;
  auto to_byte = [](float v) { return std::uint8_t(std::clamp(std::lround(v), 0L, 255L)); };
  out.rgb.resize(std::size_t(out.width) * std::size_t(out.height) * 3);
  std::vector<Rgb> rays(ss == 1 ? 0 : std::size_t(W) * std::size_t(H));
  const Rgb outline = hex(kOutline);
  for (int j = 0; j < H; ++j) {
    const Label* row = &m.image[std::size_t(j) * W];
    const Label* below = j + 1 < H ? row + W : nullptr;
    Rgb* dst = ss == 1 ? nullptr : &rays[std::size_t(j) * W];
    std::uint8_t* px = ss == 1 ? &out.rgb[std::size_t(j) * std::size_t(W) * 3] : nullptr;
    for (int i = 0; i < W; ++i) {
      const Label& l = row[i];
      Rgb c = colour_of(l);
      bool edge = false, seam = false;
      if (i + 1 < W) {
        const Label& n = row[i + 1];
        if (!same_thing(l, n)) edge = true;
        else if (l.performer >= 0 && l.region != n.region) seam = true;
      }
      if (below) {
        const Label& n = below[i];
        if (!same_thing(l, n)) edge = true;
        else if (l.performer >= 0 && l.region != n.region) seam = true;
      }
      if (edge) c = mix(c, outline, 0.85f);
      else if (seam) c = mix(c, outline, 0.18f);
      if (px) {
        px[3 * i] = to_byte(c[0]);
        px[3 * i + 1] = to_byte(c[1]);
        px[3 * i + 2] = to_byte(c[2]);
      } else {
        dst[i] = c;
      }
    }
  }
  if (ss == 1) return out;
  const float n = float(ss * ss);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      Rgb sum{0, 0, 0};
      for (int sy = 0; sy < ss; ++sy)
        for (int sx = 0; sx < ss; ++sx) {
          const Rgb& c = rays[std::size_t(y * ss + sy) * W + std::size_t(x * ss + sx)];
          for (int k = 0; k < 3; ++k) sum[k] += c[k];
        }
      for (int k = 0; k < 3; ++k) out.rgb[(std::size_t(y) * out.width + x) * 3 + k] = to_byte(sum[k] / n);
    }
  return out;
}

}  // namespace cs
