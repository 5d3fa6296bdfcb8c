#version 330 core
// The selection's outline: its triangles, flat, shifted a few pixels in the
// picture (u_offset, in normalised device coordinates) where the stencil says
// the selection itself is not. Shares the mesh vertex buffer.
layout(location = 0) in vec3 a_position;

uniform mat4 u_view_proj;
uniform vec2 u_offset;

void main() {
  gl_Position = u_view_proj * vec4(a_position, 1.0);
  gl_Position.xy += u_offset * gl_Position.w;
}
