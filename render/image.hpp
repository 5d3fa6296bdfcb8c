// image.hpp — RGBA8 pictures read back from the GPU, and PNG files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace cs::render {

// Rows top to bottom (as in a PNG), 4 bytes per pixel.
struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;
  bool empty() const { return width <= 0 || height <= 0; }
  const std::uint8_t* pixel(int x, int y) const { return &rgba[(static_cast<std::size_t>(y) * width + x) * 4]; }
};

// Reads `width`×`height` pixels at (0,0) from the framebuffer bound for reading
// (and its current read buffer), flipping GL's bottom-up rows.
Image read_pixels(int width, int height);

// Writes a PNG (alpha dropped: every picture we write is opaque). Returns false
// and says why in `error`.
bool write_png(const std::filesystem::path& path, const Image& image, std::string* error);

// Variance of the luminance over all pixels (0 for a flat picture): how tests
// tell a drawn frame from a blank one.
double luminance_variance(const Image& image);
// Fraction of pixels whose RGB differ by more than `threshold` (0–255) in any channel.
double difference_fraction(const Image& a, const Image& b, int threshold = 8);

}  // namespace cs::render
