# sealed_tests.cmake — every command that opens a scene opens a sealed one with
# --passphrase-file (app/scene_open.cpp): the right passphrase works; none, a
# wrong one or an unreadable passphrase file is refused with exit 2 and words
# that say so; the sealed file is never changed by a refusal, and fmt writes a
# sealed scene back sealed.
include(${CMAKE_CURRENT_LIST_DIR}/cli_common.cmake)

set(scene ${WORK}/scene.closedset.json)
set(pass ${WORK}/pass.txt)
set(wrong ${WORK}/wrong.txt)
file(COPY_FILE ${EXAMPLES}/bedroom.closedset.json ${scene})
file(WRITE ${pass} "trailer door code 4711\n")
file(WRITE ${wrong} "not the passphrase\n")
run_case("seal the scene" 0 ARGS seal ${scene} --passphrase-file ${pass} STDOUT "sealed")
file(SHA256 ${scene} sealed_digest)

function(expect_sealed_unchanged name)
  file(SHA256 ${scene} now)
  if(NOT now STREQUAL sealed_digest)
    message(SEND_ERROR "[${name}] the sealed file was changed")
  endif()
endfunction()

function(expect_absent name path)
  if(EXISTS ${path})
    message(SEND_ERROR "[${name}] ${path} was written")
  endif()
endfunction()

# sealed_command(NAME CODE OUTPUT ARGS a b ... [STDOUT s]): ARGS is the command
# without --passphrase-file; OUTPUT is the file it writes ("" for none).
function(sealed_command name code output)
  cmake_parse_arguments(S "" "" "ARGS;STDOUT" ${ARGN})
  run_case("${name}: a sealed scene without --passphrase-file is refused" 2 ARGS ${S_ARGS}
           STDERR "sealed;--passphrase-file")
  if(output)
    expect_absent("${name} without a passphrase" ${output})
  endif()
  run_case("${name}: a wrong passphrase is refused" 2 ARGS ${S_ARGS} --passphrase-file ${wrong}
           STDERR "Wrong passphrase")
  if(output)
    expect_absent("${name} with a wrong passphrase" ${output})
  endif()
  run_case("${name}: a missing passphrase file is refused" 2 ARGS ${S_ARGS} --passphrase-file ${WORK}/no-such-file
           STDERR "Cannot read the passphrase file ${WORK}/no-such-file")
  expect_sealed_unchanged("${name} refused")
  run_case("${name}: the right passphrase opens it" ${code} ARGS ${S_ARGS} --passphrase-file ${pass} STDOUT ${S_STDOUT})
  if(output AND NOT EXISTS ${output})
    message(SEND_ERROR "[${name}] the right passphrase wrote no ${output}")
  endif()
  expect_sealed_unchanged("${name} with the right passphrase")
endfunction()

sealed_command(validate 0 "" ARGS validate ${scene} STDOUT "valid")
sealed_command(check 0 "" ARGS check ${scene} --samples-per-count 1 --samples-wide 32 STDOUT "Pause word")
sealed_command(masking 0 "" ARGS masking ${scene} --camera A --at 1 --samples 32 STDOUT "at count 1, beat b01")
sealed_command(export 0 ${WORK}/out.glb ARGS export ${scene} -o ${WORK}/out.glb STDOUT "out.glb")
sealed_command(render 0 ${WORK}/out.png ARGS render ${scene} --camera A --at 1 --size 64x36 -o ${WORK}/out.png
               STDOUT "camera A")
sealed_command(sheet 0 ${WORK}/out.md ARGS sheet ${scene} --for director -o ${WORK}/out.md STDOUT "out.md")
sealed_command(diff 0 "" ARGS diff ${scene} ${scene} --no-exposure STDOUT "No change")
sealed_command(fmt 0 "" ARGS fmt ${scene} STDOUT "already canonical")
sealed_command("fmt --check" 0 "" ARGS fmt --check ${scene} STDOUT "already canonical")

# The sheet was built from the decrypted scene (the title is inside the seal).
file(READ ${WORK}/out.md sheet)
string(FIND "${sheet}" "The Morning After" at)
if(at EQUAL -1)
  message(SEND_ERROR "[sheet] the sheet of the sealed scene lacks its title")
endif()

# fmt of a sealed scene not in canonical form (tests/data/sealed_minimal.json:
# tests/data/minimal.json sealed by tests/data/make_sealed_fixture.py with the
# same passphrase): written back sealed, its backup sealed, nothing plain beside it.
set(messy ${WORK}/messy/minimal.closedset.json)
file(MAKE_DIRECTORY ${WORK}/messy)
file(COPY_FILE ${DATA}/sealed_minimal.json ${messy})
file(SHA256 ${messy} messy_digest)
run_case("fmt --check of a sealed scene not in canonical form" 1 ARGS fmt --check ${messy} --passphrase-file ${pass}
         STDOUT "not in canonical form")
run_case("fmt of a sealed scene refused with a wrong passphrase" 2 ARGS fmt ${messy} --passphrase-file ${wrong}
         STDERR "Wrong passphrase;nothing was rewritten")
file(SHA256 ${messy} now)
if(NOT now STREQUAL messy_digest)
  message(SEND_ERROR "[fmt] --check or a wrong passphrase changed the sealed file")
endif()
run_case("fmt rewrites a sealed scene sealed" 0 ARGS fmt ${messy} --passphrase-file ${pass}
         STDOUT "rewritten in canonical form, sealed")
foreach(f ${messy} ${messy}.bak)
  file(READ ${f} head LIMIT 8 HEX)
  if(NOT head STREQUAL "43535345414c4544")  # "CSSEALED"
    message(SEND_ERROR "[fmt] ${f} is not sealed after fmt: it begins ${head}")
  endif()
endforeach()
file(GLOB beside LIST_DIRECTORIES false ${WORK}/messy/* ${WORK}/messy/.*)
foreach(f ${beside})
  file(READ ${f} head LIMIT 8 HEX)
  if(NOT head STREQUAL "43535345414c4544")
    message(SEND_ERROR "[fmt] ${f} beside the sealed scene is not sealed")
  endif()
endforeach()
run_case("the rewritten sealed scene is canonical" 0 ARGS fmt --check ${messy} --passphrase-file ${pass}
         STDOUT "already canonical")
run_case("the rewritten sealed scene opens" 0 ARGS validate ${messy} --passphrase-file ${pass} STDOUT "valid")
