# BANKID_FUZZ: the coverage-guided fuzzing build (tests/fuzz/README.md; `./dev fuzz` configures it).
# Every target of the build is compiled with libFuzzer's coverage instrumentation and ASan+UBSan
# (-fsanitize=fuzzer-no-link,address,undefined), so the code under test reports its edges and its memory and
# undefined-behaviour errors; tests/fuzz links the harnesses with -fsanitize=fuzzer. Clang only: gcc has no
# libFuzzer. BANKID_SANITIZE stays off here: these flags already include it.
if(NOT BANKID_FUZZ)
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "BANKID_FUZZ needs clang (-DCMAKE_CXX_COMPILER=clang++); this is ${CMAKE_CXX_COMPILER_ID}")
endif()
if(BANKID_SANITIZE)
  message(FATAL_ERROR "BANKID_FUZZ already builds with ASan and UBSan: leave BANKID_SANITIZE off")
endif()
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                    -fno-omit-frame-pointer
                    # bankid_options' gcc spelling -Wshadow=local is unknown to clang; the rest applies.
                    -Wno-unknown-warning-option)
add_link_options(-fsanitize=address,undefined)
