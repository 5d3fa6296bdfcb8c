# terminal_tests.cmake — text from a scene never drives the terminal. A scene
# whose title, beat labels and performer names hold escape sequences (clear the
# screen and print a fake all-clear, a write to the clipboard, a carriage return,
# a right-to-left override) goes through every command that prints text; no
# control byte reaches stdout or stderr, and each is shown (^[) instead. The
# Markdown, CSV and HTML sheets are held to the same; JSON stays exact.
include(${CMAKE_CURRENT_LIST_DIR}/cli_common.cmake)

string(ASCII 27 ESC)
string(ASCII 7 BEL)
string(ASCII 13 CR)
string(ASCII 226 128 174 RLO)  # U+202E as UTF-8

# The attack, as JSON escapes: clear, home, a fake summary, OSC 52, CR, RLO.
set(trick [=[\u001b[2J\u001b[H0 errors, 0 warnings\r\u001b]52;c;ZXZpbA==\u0007\u202e]=])
file(READ ${EXAMPLES}/bedroom.closedset.json scene)
string(REPLACE "\"The Morning After\"" "\"The Morning After${trick}\"" scene "${scene}")
string(REPLACE "\"label\": \"Kiss\"" "\"label\": \"Kiss${trick}\"" scene "${scene}")
string(REPLACE "\"label\": \"Sit\"" "\"label\": \"Sit${trick}\"" scene "${scene}")
string(REPLACE "\"character\": \"Ana\"" "\"character\": \"Ana${trick}\"" scene "${scene}")
string(REPLACE "\"actor\": \"Maya Lind\"" "\"actor\": \"Maya Lind${trick}\"" scene "${scene}")
string(FIND "${scene}" "Kiss${trick}" planted)
if(planted EQUAL -1)
  message(FATAL_ERROR "the trick was not planted in the scene (has the example changed?)")
endif()
set(tricky ${WORK}/tricky.closedset.json)
file(WRITE ${tricky} "${scene}")
# The same scene with Kiss re-timed, for diff.
string(REPLACE "\"label\": \"Kiss${trick}\"" "\"label\": \"Kiss${trick} again\"" scene2 "${scene}")
file(WRITE ${WORK}/tricky2.closedset.json "${scene2}")

# Runs the command; fails when stdout or stderr (or FILE, when given) holds a
# control byte, or does not show the trick as text (SHOWN, by default ^[[2J^[[H0 errors;
# NONE for a command that prints no text of the scene's).
function(inert name)
  cmake_parse_arguments(C "" "SHOWN" "ARGS;FILE" ${ARGN})
  if(NOT C_SHOWN)
    set(C_SHOWN "^[[2J^[[H0 errors")
  endif()
  execute_process(COMMAND ${CLOSEDSET} ${C_ARGS} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err
                  TIMEOUT 300)
  set(text "${out}${err}")
  if(C_FILE)
    file(READ ${C_FILE} text)
  endif()
  set(ok TRUE)
  foreach(bad ESC BEL CR RLO)
    string(FIND "${text}" "${${bad}}" at)
    if(NOT at EQUAL -1)
      message(SEND_ERROR "[${name}] (exit ${code}) the output holds a raw ${bad}:\n${text}")
      set(ok FALSE)
    endif()
  endforeach()
  string(FIND "${text}" "${C_SHOWN}" shown)
  if(shown EQUAL -1 AND NOT C_SHOWN STREQUAL "NONE")
    message(SEND_ERROR "[${name}] (exit ${code}) the trick is not shown as text (${C_SHOWN}):\n${text}")
    set(ok FALSE)
  endif()
  if(ok)
    message(STATUS "ok: ${name}")
  endif()
endfunction()

inert("check" ARGS check ${tricky})
inert("validate" ARGS validate ${tricky})
inert("masking" ARGS masking ${tricky} --camera A --at 9 SHOWN NONE)  # ids only: none of the trick
inert("diff" ARGS diff ${tricky} ${WORK}/tricky2.closedset.json --no-exposure)
inert("sheet as Markdown" ARGS sheet ${tricky} --for director -o ${WORK}/director.md FILE ${WORK}/director.md
      SHOWN [=[Kiss^\[\[2J^\[\[H0 errors, 0 warnings^M^\[\]52;c;ZXZpbA==^G\<U+202E\>]=])
inert("sheet as CSV" ARGS sheet ${tricky} --for director -o ${WORK}/director.csv FILE ${WORK}/director.csv)
inert("sheet as HTML" ARGS sheet ${tricky} --for performer:ana -o ${WORK}/ana.html FILE ${WORK}/ana.html)

# A bad file's problem quotes the text it found, shown the same way.
string(REPLACE "\"build\": \"slim\"" "\"build\": \"slim${trick}\"" broken "${scene}")
file(WRITE ${WORK}/broken.closedset.json "${broken}")
inert("a problem quoting the file's text" ARGS validate ${WORK}/broken.closedset.json)

# JSON stays exact: the name comes back as written, escaped by JSON itself.
run_case("check --format json keeps the name exact" 0 ARGS check ${tricky} --format json
         STDOUT [=[Ana\u001b[2J\u001b[H0 errors, 0 warnings\r\u001b]52;c;ZXZpbA==\u0007]=])
