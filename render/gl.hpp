// gl.hpp — the one place render/ and app/ include OpenGL from: glad's loader,
// generated at build time for 3.3 core. Include this before GLFW.
#pragma once

#include <glad/gl.h>
