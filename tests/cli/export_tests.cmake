# export_tests.cmake — `closedset export`: glTF and OTIO on the examples, bad input
# (exit 2, nothing written), privacy of what is written, and the Khronos
# glTF-Validator on every glTF the examples give (static and animated, .glb and
# .gltf). The validator is the npm package pinned in tools/gltf-validator, run by
# Node; `./dev test` installs it (npm ci) and sets CLOSEDSET_REQUIRE_GLTF_VALIDATOR,
# so there a missing validator fails the test; elsewhere it is skipped, saying so.
include(${CMAKE_CURRENT_LIST_DIR}/cli_common.cmake)

get_filename_component(SOURCE_DIR "${EXAMPLES}/../.." ABSOLUTE)
set(bedroom ${EXAMPLES}/bedroom.closedset.json)
set(reference ${EXAMPLES}/reference.closedset.json)
set(zoom ${DATA}/export_zoom.json)

function(require_file path what)
  if(NOT EXISTS "${path}")
    message(SEND_ERROR "[${what}] ${path} was not written")
  endif()
endfunction()

run_case("export --help" 0 ARGS export --help STDOUT "--animated" "--beats" "--fps" ".otio")

# Every kind of file from both examples.
set(gltfs "")
foreach(scene bedroom reference)
  run_case("${scene}: a still as .glb" 0 ARGS export ${${scene}} -o ${WORK}/${scene}.glb
    STDOUT "${WORK}/${scene}.glb: 2 performers" "still at count 1")
  run_case("${scene}: animated .glb" 0 ARGS export ${${scene}} -o ${WORK}/${scene}-animated.glb --animated
    STDOUT "animated: counts 1 to" "beat markers in extras")
  run_case("${scene}: a still as .gltf at a count" 0 ARGS export ${${scene}} -o ${WORK}/${scene}.gltf --at 3.5
    STDOUT "still at count 3.5")
  run_case("${scene}: animated .gltf" 0 ARGS export ${${scene}} -o ${WORK}/${scene}-animated.gltf --animated)
  list(APPEND gltfs ${WORK}/${scene}.glb ${WORK}/${scene}-animated.glb ${WORK}/${scene}.gltf ${WORK}/${scene}-animated.gltf)
endforeach()
run_case("bedroom: .otio beat markers" 0 ARGS export ${bedroom} -o ${WORK}/bedroom.otio
  STDOUT "11 beat markers at 24 fps, counts 1 to 29 at 48 bpm (35 s); beats by worst finding: error 0, warning 5, info 2, none 4")
run_case("reference: .otio at 25 fps" 0 ARGS export ${reference} -o ${WORK}/reference.otio --fps 25
  STDOUT "64 beat markers at 25 fps")
run_case("a range of beats, animated" 0 ARGS export ${bedroom} -o ${WORK}/b02-b04.glb --animated --beats b02..b04
  STDOUT "counts 5 to 17 at 48 bpm = 15 s" "5 beat markers")  # b02, b03, b03h, b03l, b04
run_case("one beat, as markers" 0 ARGS export ${bedroom} -o ${WORK}/b05.otio --beats b05 STDOUT "1 beat marker at")
run_case("one camera" 0 ARGS export ${bedroom} -o ${WORK}/camera-b.glb --camera B STDOUT ", 1 camera,")
run_case("zoom, vertical fit and a mesh prop" 0 ARGS export ${zoom} -o ${WORK}/zoom.glb --animated
  STDOUT "camera Z zooms" "KHR_animation_pointer")
# A new scene, where nothing moves: the file holds the clip and the marker the message announces.
run_case("a new scene" 0 ARGS new ${WORK}/still-scene.json)
run_case("nothing moves, animated" 0 ARGS export ${WORK}/still-scene.json -o ${WORK}/still-animated.glb --animated
  STDOUT "1 channel, 1 beat marker in extras" "note: nothing moves over these counts")
list(APPEND gltfs ${WORK}/b02-b04.glb ${WORK}/camera-b.glb ${WORK}/zoom.glb ${WORK}/still-animated.glb)
foreach(f IN LISTS gltfs ITEMS ${WORK}/bedroom.otio)
  require_file(${f} "export")
endforeach()
file(READ ${WORK}/bedroom.glb magic LIMIT 4 HEX)
if(NOT magic STREQUAL "676c5446")  # "glTF"
  message(SEND_ERROR "[export] bedroom.glb does not start with the GLB magic")
endif()
file(READ ${WORK}/bedroom.otio otio)
string(FIND "${otio}" "\"OTIO_SCHEMA\": \"Timeline.1\"" at)
if(at EQUAL -1)
  message(SEND_ERROR "[export] bedroom.otio is not an OTIO timeline")
endif()

# Bad input: exit 2, a message that says what, and nothing written.
file(WRITE ${WORK}/keep.glb "previous export")
run_case("unknown camera" 2 ARGS export ${bedroom} -o ${WORK}/keep.glb --camera Z
  STDERR "no camera 'Z' (cameras: A and B)")
run_case("unknown beat" 2 ARGS export ${bedroom} -o ${WORK}/keep.glb --beats b02..b99 STDERR "no beat 'b99'")
run_case("a range that runs backwards" 2 ARGS export ${bedroom} -o ${WORK}/keep.glb --beats b04..b02
  STDERR "beat b04 comes after beat b02")
run_case("--at past the scene" 2 ARGS export ${bedroom} -o ${WORK}/keep.glb --at 40
  STDERR "count 40 is past the scene's last count, 29 (its counts run from 1 to 29); nothing was exported")
run_case("--at before the scene" 2 ARGS export ${bedroom} -o ${WORK}/keep.glb --at -3
  STDERR "count -3 is before the scene's first count, 1")
run_case("--at nan" 2 ARGS export ${bedroom} -o ${WORK}/keep.glb --at nan STDERR "--at needs a count")
run_case("--at outside --beats" 2 ARGS export ${bedroom} -o ${WORK}/keep.glb --beats b02 --at 2
  STDERR "outside the exported beats (counts 5 to 9)")
run_case("--at with --animated" 2 ARGS export ${bedroom} -o ${WORK}/keep.glb --at 3 --animated STDERR "excludes")
run_case("--fps for glTF" 2 ARGS export ${bedroom} -o ${WORK}/keep.glb --fps 25 STDERR "--fps is for .otio")
run_case("--animated for markers" 2 ARGS export ${bedroom} -o ${WORK}/keep.otio --animated STDERR "beat markers")
run_case("an unknown extension" 2 ARGS export ${bedroom} -o ${WORK}/out.fbx STDERR "must end in .glb or .gltf")
run_case("a scene that is not valid" 2 ARGS export ${DATA}/bad_several.json -o ${WORK}/keep.glb STDERR "not a valid scene")
run_case("a mesh that cannot be loaded" 2 ARGS export ${DATA}/mesh_missing.json -o ${WORK}/keep.glb STDERR "absent.glb")
run_case("a folder that does not exist" 2 ARGS export ${bedroom} -o ${WORK}/nowhere/out.glb
  STDERR "cannot write" "does not exist")
file(MAKE_DIRECTORY ${WORK}/a-folder.glb)
run_case("a path that is a folder" 2 ARGS export ${bedroom} -o ${WORK}/a-folder.glb STDERR "cannot write"
  "not a regular file")
file(READ ${WORK}/keep.glb kept)
if(NOT kept STREQUAL "previous export")
  message(SEND_ERROR "[export] a failed export changed the file at -o")
endif()
foreach(never ${WORK}/out.fbx ${WORK}/keep.otio ${WORK}/nowhere)
  if(EXISTS ${never})
    message(SEND_ERROR "[export] a failed export wrote ${never}")
  endif()
endforeach()
file(GLOB leftovers ${WORK}/.*tmp-*)
if(leftovers)
  message(SEND_ERROR "[export] temporary files left behind: ${leftovers}")
endif()

# Privacy: none of the example's private notes, boundary conditions or rider
# conditions is in any exported file.
file(READ ${bedroom} scene_text)
string(REGEX MATCHALL "\"(private_note|conditions)\": \"[^\"]+\"" private_fields "${scene_text}")
list(LENGTH private_fields n_private)
if(n_private LESS 2)
  message(SEND_ERROR "[privacy] the example scene has too few private fields to test with")
endif()
foreach(f IN LISTS gltfs ITEMS ${WORK}/bedroom.otio ${WORK}/b05.otio)
  file(READ ${f} bytes HEX)
  foreach(field IN LISTS private_fields)
    string(REGEX REPLACE "^\"[a-z_]+\": \"(.*)\"$" "\\1" secret "${field}")
    string(SUBSTRING "${secret}" 0 40 secret)
    string(HEX "${secret}" secret_hex)
    string(FIND "${bytes}" "${secret_hex}" at)
    if(NOT at EQUAL -1)
      message(SEND_ERROR "[privacy] ${f} holds a private field: ${secret}")
    endif()
  endforeach()
endforeach()
message(STATUS "ok: no private note or condition in ${n_private} fields across the exported files")

# The Khronos glTF-Validator: 0 errors and 0 warnings on every glTF above.
find_program(NODE NAMES node nodejs)
set(validator ${SOURCE_DIR}/tools/gltf-validator/validate.js)
if(NODE AND EXISTS ${SOURCE_DIR}/tools/gltf-validator/node_modules/gltf-validator/package.json)
  execute_process(COMMAND ${NODE} ${validator} ${gltfs} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err
                  TIMEOUT 300)
  list(LENGTH gltfs n_gltfs)
  string(REGEX MATCHALL ": 0 errors, 0 warnings," clean "${out}")
  list(LENGTH clean n_clean)
  # Nothing unused either in the scene where nothing moves (an unused accessor is an info).
  string(REGEX MATCH "still-animated.glb: glTF-Validator [^:]*: 0 errors, 0 warnings, 0 infos, 0 hints" still_clean "${out}")
  if(NOT still_clean)
    message(SEND_ERROR "[glTF-Validator] still-animated.glb is not clean of infos:\n${out}")
  endif()
  if(NOT code EQUAL 0 OR NOT n_clean EQUAL n_gltfs)
    message(SEND_ERROR "[glTF-Validator] exit ${code}; ${n_clean} of ${n_gltfs} files clean:\n${out}\n${err}")
  else()
    message(STATUS "ok: glTF-Validator, 0 errors and 0 warnings on all ${n_gltfs} files:\n${out}")
  endif()
elseif(DEFINED ENV{CLOSEDSET_REQUIRE_GLTF_VALIDATOR})
  message(SEND_ERROR "[glTF-Validator] not installed (node: ${NODE}); run: npm ci --prefix ${SOURCE_DIR}/tools/gltf-validator")
else()
  message(STATUS "skipped: glTF-Validator not installed (./dev test installs it: npm ci --prefix tools/gltf-validator)")
endif()
