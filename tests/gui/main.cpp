// GUI tests: need a display and OpenGL 3.3 (run under xvfb-run).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
