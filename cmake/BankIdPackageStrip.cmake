# CPack pre-build script (CPACK_PRE_BUILD_SCRIPTS in cmake/BankIdPackaging.cmake): runs on CPack's staging tree
# after CPACK_STRIP_FILES stripped the executables, before the .deb is made. It removes what plain `strip`
# leaves and Debian's dh_strip removes too: the .comment section (compiler versions) and the .note section
# (lintian: binary-has-unneeded-section). Build ids (.note.gnu.build-id) stay.
find_program(BANKID_STRIP NAMES strip REQUIRED)
if(NOT IS_DIRECTORY "${CPACK_TEMPORARY_INSTALL_DIRECTORY}")
  message(FATAL_ERROR "CPACK_TEMPORARY_INSTALL_DIRECTORY is not a folder: '${CPACK_TEMPORARY_INSTALL_DIRECTORY}'")
endif()
file(GLOB_RECURSE bankid_staged_files LIST_DIRECTORIES false "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*")
set(bankid_staged_binaries ${bankid_staged_files})
list(FILTER bankid_staged_binaries INCLUDE REGEX "/bin/[^/]+$")
if(NOT bankid_staged_binaries)
  message(FATAL_ERROR "no executables under ${CPACK_TEMPORARY_INSTALL_DIRECTORY}/.../bin")
endif()
foreach(binary IN LISTS bankid_staged_binaries)
  execute_process(COMMAND "${BANKID_STRIP}" --remove-section=.comment --remove-section=.note "${binary}"
                  RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "strip --remove-section=.comment failed on ${binary}")
  endif()
endforeach()
list(LENGTH bankid_staged_binaries count)
message(STATUS "BankIdPackageStrip: removed .comment and .note from ${count} executables")
