#version 330 core
// Lines and flat overlays: floor grid, frusta, frame lines, markers. With an
// identity u_view_proj the positions are normalised device coordinates.
layout(location = 0) in vec3 a_position;
layout(location = 1) in vec4 a_color;

uniform mat4 u_view_proj;

out vec3 v_world;
out vec4 v_color;

void main() {
  v_world = a_position;
  v_color = a_color;
  gl_Position = u_view_proj * vec4(a_position, 1.0);
}
