#version 330 core
// A calm three-light studio look: a key from above-front, a cool fill from the
// sky, a warm bounce from the floor, and a soft rim so silhouettes read against
// the dark background. Colours arrive in sRGB and leave in sRGB.
in vec3 v_world;
in vec3 v_normal;
in vec4 v_color;

uniform vec3 u_eye;

out vec4 frag_color;

// Gamma 2.0 instead of 2.2: square and square root cost far less than pow on a
// software rasteriser (llvmpipe), and the difference does not show here.
vec3 to_linear(vec3 c) { return c * c; }
vec3 to_srgb(vec3 c) { return sqrt(max(c, vec3(0.0))); }

void main() {
  vec3 n = normalize(v_normal);
  vec3 v = normalize(u_eye - v_world);
  if (dot(n, v) < 0.0) n = -n;  // open shapes and thin garments light from both sides
  vec3 base = to_linear(v_color.rgb);

  vec3 key_dir = normalize(vec3(0.45, 0.85, 0.35));
  float key = max(dot(n, key_dir), 0.0);
  float hemi = 0.5 + 0.5 * n.y;
  vec3 ambient = mix(vec3(0.10, 0.09, 0.08), vec3(0.22, 0.24, 0.28), hemi);
  float facing = 1.0 - max(dot(n, v), 0.0);
  float rim = facing * facing * facing * 0.25;
  vec3 h = normalize(key_dir + v);
  float s2 = max(dot(n, h), 0.0);
  s2 *= s2; s2 *= s2; s2 *= s2; s2 *= s2; s2 *= s2;  // ^32
  float spec = s2 * 0.08;

  vec3 lit = base * (ambient + 0.85 * key) + vec3(spec) + rim * vec3(0.55, 0.62, 0.75);
  frag_color = vec4(to_srgb(lit), v_color.a);
}
