# core_tests.cmake — validate, fmt, check, masking and privacy on the command line.
include(${CMAKE_CURRENT_LIST_DIR}/cli_common.cmake)

run_case("--version" 0 ARGS --version STDOUT "closedset ")
run_case("--help" 0 ARGS --help STDOUT "validate")
run_case("validate --help" 0 ARGS validate --help STDOUT "--format")
run_case("unknown subcommand option" 2 ARGS validate --colour)
run_case("a mistyped command" 2 ARGS chek ${EXAMPLES}/bedroom.closedset.json STDERR "unknown command \"chek\"")
run_case("a known command with a stray option says which" 2 ARGS check --frob ${EXAMPLES}/bedroom.closedset.json
  STDERR "not expected: --frob")
run_case("a known command with a stray argument says which" 2 ARGS validate ${EXAMPLES}/bedroom.closedset.json extra.json
  STDERR "not expected: extra.json")
run_case("the editor on a file that does not exist" 2 ARGS ${WORK}/frobnicate.json STDERR "no such file")
if(CLOSEDSET_HAS_EDITOR)
  run_case("the editor refuses --at nan" 2 ARGS ${EXAMPLES}/bedroom.closedset.json --at nan STDERR "--at needs a count")
endif()
run_case("a command without its file says which command and where its help is" 2 ARGS new
  STDERR "closedset new: FILE is required (see closedset new --help)")
run_case("render without --camera says so" 2 ARGS render ${EXAMPLES}/bedroom.closedset.json --at 5 -o ${WORK}/never.png
  STDERR "closedset render: --camera is required (see closedset render --help)")
run_case("validate the example" 0 ARGS validate ${EXAMPLES}/bedroom.closedset.json STDOUT "valid")
run_case("validate the reference scene" 0 ARGS validate ${EXAMPLES}/reference.closedset.json STDOUT "64 beats")
# One of a thing is singular: "1 performer, 1 camera", never "1 cameras".
run_case("validate says one camera, one performer" 0 ARGS validate ${DATA}/export_zoom.json
  STDOUT "1 performer, 1 camera, 2 beats over counts" NOT_STDOUT "1 cameras" "1 performers")
run_case("validate lists every problem with its path" 2 ARGS validate ${DATA}/bad_several.json
  STDERR "bad_several.json: /performers/0/heigth_m: Unknown key"
         "/performers/0/boundaries/0/region"
         "/cameras/0/focal_mm"
         "/choreography/beats/1/start_count"
         "/choreography/beats/1/contacts/0/giver"
         "5 problems")
run_case("validate syntax error gives line:column" 2 ARGS validate ${DATA}/bad_syntax.json
  STDERR "bad_syntax.json:4:3: JSON syntax")
run_case("validate refuses a newer version" 2 ARGS validate ${DATA}/newer_version.json STDERR "newer ClosedSet")
run_case("validate a missing file" 2 ARGS validate ${WORK}/nope.json STDERR "No such file")
run_case("validate json output" 2 ARGS validate ${DATA}/bad_several.json --format json
  STDOUT "\"valid\": false" "\"path\": \"/cameras/0/focal_mm\"")
run_case("validate json output, valid" 0 ARGS validate ${EXAMPLES}/bedroom.closedset.json --format json
  STDOUT "\"valid\": true" "\"problems\": []")

# fmt: rewrites a hand-written file canonically, keeps a backup; --check says so.
file(COPY ${DATA}/minimal.json DESTINATION ${WORK})
run_case("fmt --check on a hand-written file" 1 ARGS fmt --check ${WORK}/minimal.json STDOUT "not in canonical form")
run_case("fmt rewrites" 0 ARGS fmt ${WORK}/minimal.json STDOUT "rewritten")
run_case("fmt --check after fmt" 0 ARGS fmt --check ${WORK}/minimal.json STDOUT "already canonical")
if(NOT EXISTS ${WORK}/minimal.json.bak)
  message(SEND_ERROR "[fmt] no backup was kept")
endif()
run_case("examples are canonical" 0 ARGS fmt --check ${EXAMPLES}/bedroom.closedset.json STDOUT "already canonical")

# check: exit codes and output formats.
run_case("check --help lists the codes" 0 ARGS check --help STDOUT "contact.genital_no_barrier" "masking.fragile")
run_case("check a bad file" 2 ARGS check ${DATA}/bad_several.json STDERR "not valid")
run_case("check --samples-per-count out of range" 2 ARGS check ${EXAMPLES}/bedroom.closedset.json --samples-per-count 0)
run_case("check refuses a scene whose mesh cannot be loaded" 2 ARGS check ${DATA}/mesh_missing.json STDERR "absent.glb")
run_case("check --suggest-moves names camera moves" 1 ARGS check ${EXAMPLES}/reference.closedset.json --suggest-moves
  --samples-per-count 1 --samples-wide 64 STDOUT "ERROR    exposure.refused" "cm higher" ", its worst moment")
run_case("check --suggest-moves as json" 1 ARGS check ${EXAMPLES}/reference.closedset.json --suggest-moves
  --samples-per-count 1 --samples-wide 64 --format json STDOUT "\"camera_move\": {" "\"direction\": \"" "\"camera_move\": null")
run_case("check json has no camera_move unless asked" 1 ARGS check ${EXAMPLES}/reference.closedset.json
  --samples-per-count 1 --samples-wide 64 --format json NOT_STDOUT "camera_move")
run_case("masking --help" 0 ARGS masking --help STDOUT "--camera")
run_case("masking words a sliver of the frame as under 0.1%" 0 ARGS masking ${EXAMPLES}/bedroom.closedset.json --at 14 --camera B
  STDOUT "barrier 'pillow' under 0.1%" NOT_STDOUT "<0.1%" " 0.0%")
run_case("masking an unknown camera" 2 ARGS masking ${EXAMPLES}/bedroom.closedset.json --camera Z)
run_case("masking at a count past the choreography" 2 ARGS masking ${EXAMPLES}/bedroom.closedset.json --at 100
  STDERR "--at: count 100 is past the scene's last count, 29")
run_case("masking at a negative count" 2 ARGS masking ${EXAMPLES}/bedroom.closedset.json --at -2
  STDERR "--at: count -2 is before the scene's first count, 1")
run_case("masking at nan" 2 ARGS masking ${EXAMPLES}/bedroom.closedset.json --at nan STDERR "--at: not a count")
run_case("an empty file" 2 ARGS validate ${DATA}/empty.json STDERR "The file is empty")

# Privacy: private notes never leave through the command line's outputs.
file(READ ${EXAMPLES}/bedroom.closedset.json scene_text)
string(REGEX MATCHALL "\"private_note\": \"[^\"]+\"" notes "${scene_text}")
list(LENGTH notes n_notes)
if(n_notes LESS 1)
  message(SEND_ERROR "[privacy] the example scene has no private notes to test with")
endif()
set(secrets "")
foreach(n IN LISTS notes)
  string(REGEX REPLACE "^\"private_note\": \"(.*)\"$" "\\1" secret "${n}")
  string(SUBSTRING "${secret}" 0 40 secret)
  list(APPEND secrets "${secret}")
endforeach()
foreach(args IN ITEMS "check;--format;text" "check;--format;json" "check;--suggest-moves;--format;json" "masking;--format;text" "masking;--format;json"
                      "validate;--format;json")
  execute_process(COMMAND ${CLOSEDSET} ${args} ${EXAMPLES}/bedroom.closedset.json
                  OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 300)
  foreach(secret IN LISTS secrets)
    string(FIND "${out}${err}" "${secret}" at)
    if(NOT at EQUAL -1)
      message(SEND_ERROR "[privacy] `closedset ${args}` printed a private note")
    endif()
  endforeach()
  message(STATUS "ok: no private note in `closedset ${args}`")
endforeach()
