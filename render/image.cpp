// PNG output uses stb_image_write from Debian's libstb: libimgui already
// depends on it (its pkg-config links -lstb), so it adds nothing to install,
// and one call writes a file, where libpng needs a page of setjmp plumbing.
#include "render/image.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <stb_image_write.h>

#include "render/gl.hpp"

namespace cs::render {

Image read_pixels(int width, int height) {
  Image img;
  if (width <= 0 || height <= 0) return img;
  img.width = width;
  img.height = height;
  img.rgba.resize(static_cast<std::size_t>(width) * height * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
  const std::size_t row = static_cast<std::size_t>(width) * 4;
  std::vector<std::uint8_t> tmp(row);
  for (int y = 0; y < height / 2; ++y) {
    std::uint8_t* a = &img.rgba[static_cast<std::size_t>(y) * row];
    std::uint8_t* b = &img.rgba[static_cast<std::size_t>(height - 1 - y) * row];
    std::memcpy(tmp.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, tmp.data(), row);
  }
  for (std::size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;
  return img;
}

bool write_png(const std::filesystem::path& path, const Image& image, std::string* error) {
  if (image.empty()) {
    if (error) *error = "nothing to write (empty image)";
    return false;
  }
  std::vector<std::uint8_t> rgb(static_cast<std::size_t>(image.width) * image.height * 3);
  for (std::size_t i = 0, j = 0; i < image.rgba.size(); i += 4, j += 3) {
    rgb[j] = image.rgba[i];
    rgb[j + 1] = image.rgba[i + 1];
    rgb[j + 2] = image.rgba[i + 2];
  }
  errno = 0;
  if (!stbi_write_png(path.c_str(), image.width, image.height, 3, rgb.data(), image.width * 3)) {
    if (error) *error = path.string() + ": cannot write PNG" + (errno ? std::string(": ") + std::strerror(errno) : "");
    return false;
  }
  return true;
}

double luminance_variance(const Image& image) {
  if (image.empty()) return 0;
  double sum = 0, sum2 = 0;
  const std::size_t n = image.rgba.size() / 4;
  for (std::size_t i = 0; i < image.rgba.size(); i += 4) {
    const double l = 0.2126 * image.rgba[i] + 0.7152 * image.rgba[i + 1] + 0.0722 * image.rgba[i + 2];
    sum += l;
    sum2 += l * l;
  }
  const double mean = sum / static_cast<double>(n);
  return sum2 / static_cast<double>(n) - mean * mean;
}

double difference_fraction(const Image& a, const Image& b, int threshold) {
  if (a.width != b.width || a.height != b.height || a.empty()) return 1.0;
  std::size_t differ = 0;
  for (std::size_t i = 0; i < a.rgba.size(); i += 4) {
    for (int c = 0; c < 3; ++c)
      if (std::abs(int(a.rgba[i + c]) - int(b.rgba[i + c])) > threshold) {
        ++differ;
        break;
      }
  }
  return static_cast<double>(differ) / static_cast<double>(a.rgba.size() / 4);
}

}  // namespace cs::render
