#version 330 core
// Lines fade out with distance from the eye (u_fade_distance > 0) so the floor
// grid melts into the background instead of aliasing at the horizon.
in vec3 v_world;
in vec4 v_color;

uniform vec3 u_eye;
uniform float u_fade_distance;

out vec4 frag_color;

void main() {
  float fade = 1.0;
  if (u_fade_distance > 0.0) {
    float d = length(v_world.xz - u_eye.xz);
    fade = 1.0 - smoothstep(u_fade_distance * 0.35, u_fade_distance, d);
  }
  frag_color = vec4(v_color.rgb, v_color.a * fade);
}
