# SPDX-License-Identifier: MIT
# Helpers shared by every CMakeLists.txt: warnings, sanitizers, one static library per module, one
# GoogleTest binary per module.

# stride_set_warnings(TARGET): the project's warning set; errors when STRIDE_WERROR is on.
function(stride_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
  # GCC 12 reports -Wrestrict inside libstdc++'s std::string at -O3 (GCC bug 105651, a false positive).
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(STRIDE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# Fuzzing needs coverage instrumentation in the libraries under test, not only in the fuzz harness.
if(STRIDE_BUILD_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(STRIDE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# stride_add_module(NAME SOURCES a.cc b.cc DEPS other_module ... LIBS external::target ...)
# Creates the static library stride_<NAME> with includes rooted at src/.
function(stride_add_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LIBS" ${ARGN})
  add_library(stride_${name} STATIC ${ARG_SOURCES})
  target_include_directories(stride_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  foreach(dep IN LISTS ARG_DEPS)
    target_link_libraries(stride_${name} PUBLIC stride_${dep})
  endforeach()
  target_link_libraries(stride_${name} PUBLIC ${ARG_LIBS})
  stride_set_warnings(stride_${name})
endfunction()

# stride_add_test(NAME SOURCES a_test.cc ... DEPS module ...): the GoogleTest binary NAME, run by ctest.
# Tests run from the repository root so that tests can find tests/data and ../shared.
function(stride_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  foreach(dep IN LISTS ARG_DEPS)
    target_link_libraries(${name} PRIVATE stride_${dep})
  endforeach()
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} stride_testing GTest::gtest GTest::gmock GTest::gtest_main)
  stride_set_warnings(${name})
  gtest_discover_tests(${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} DISCOVERY_TIMEOUT 60
                       PROPERTIES ENVIRONMENT "STRIDE_BINARY=${PROJECT_BINARY_DIR}/stride")
endfunction()
