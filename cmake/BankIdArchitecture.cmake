# The project's parts and which of them each may use (docs/architecture.md draws the same table).
#
# bankid_add_part(<name>)            a static library bankid_<name> of the *.cpp/*.h in the calling folder,
#                                    with that folder as its PUBLIC include directory and the project's options.
# bankid_check_architecture()        fails the configure when a bankid_* library links another bankid_* library
#                                    that its row below does not list, when a library is not in the table at all,
#                                    or when a part that must stay headless links Qt Gui, Widgets or Multimedia.
#
# The table lists direct links, PUBLIC and PRIVATE alike (a PRIVATE link is still a use). bankid_options (the
# compiler flags) is allowed everywhere. A new part gets a row here and a line in docs/architecture.md.

# --- core: the library; lower rows never use higher ones ------------------------------------------------------
set(BANKID_MAY_USE_bankid_version      "")                      # BankIdVersion.h from the project version
set(BANKID_MAY_USE_bankid_platform     "")                      # files, locks, clocks: what the OS differs in
set(BANKID_MAY_USE_bankid_rp           bankid_platform)         # the RP and Verify APIs on the wire
set(BANKID_MAY_USE_bankid_order        bankid_rp bankid_platform) # one order's life: state machine, QR, texts
set(BANKID_MAY_USE_bankid_evidence     bankid_platform)         # BankID signatures and OCSP answers, offline
set(BANKID_MAY_USE_bankid_idcard       bankid_evidence bankid_rp bankid_platform) # ID card checks and age
set(BANKID_MAY_USE_bankid_receipts     bankid_evidence bankid_rp bankid_platform) # signed documents' receipts
set(BANKID_MAY_USE_bankid_audit        bankid_rp bankid_platform) # the tamper-evident audit log
set(BANKID_MAY_USE_bankid_core         bankid_platform bankid_rp bankid_order bankid_evidence bankid_idcard
                                       bankid_receipts bankid_audit bankid_version) # all of core, for front ends
# --- beside core -------------------------------------------------------------------------------------------------
set(BANKID_MAY_USE_bankid_translations "")                      # the catalogue; reads every folder's sources
set(BANKID_MAY_USE_bankid_simulator    bankid_version)          # never core: it writes its own JSON
# --- front ends ----------------------------------------------------------------------------------------------------
set(BANKID_MAY_USE_bankid_cli          bankid_core bankid_translations bankid_simulator)
set(BANKID_MAY_USE_bankid_app_settings bankid_core)
set(BANKID_MAY_USE_bankid_app_services bankid_app_settings bankid_core bankid_simulator)
set(BANKID_MAY_USE_bankid_app_widgets  bankid_app_services bankid_app_settings bankid_core)
set(BANKID_MAY_USE_bankid_app_scanning bankid_app_widgets bankid_core)
set(BANKID_MAY_USE_bankid_app_demo     bankid_app_scanning bankid_app_widgets bankid_core bankid_simulator)
set(BANKID_MAY_USE_bankid_app_pages    bankid_app_demo bankid_app_scanning bankid_app_widgets bankid_app_services
                                       bankid_app_settings bankid_core bankid_simulator)
set(BANKID_MAY_USE_bankid_app          bankid_app_pages bankid_app_demo bankid_app_scanning bankid_app_widgets
                                       bankid_app_services bankid_app_settings bankid_core bankid_translations
                                       bankid_simulator)

# Parts that must build with Qt Core/Network only (BANKID_BUILD_DESK=OFF, headless services, a first port).
set(BANKID_HEADLESS_PARTS bankid_version bankid_platform bankid_rp bankid_order bankid_evidence bankid_idcard
                          bankid_receipts bankid_audit bankid_core bankid_translations bankid_simulator bankid_cli
                          bankid_app_settings)

function(bankid_add_part name)
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp ${CMAKE_CURRENT_SOURCE_DIR}/*.h)
  list(FILTER sources EXCLUDE REGEX "/main\\.cpp$")
  add_library(bankid_${name} STATIC ${sources})
  target_include_directories(bankid_${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
  target_link_libraries(bankid_${name} PRIVATE bankid_options)
endfunction()

# The bankid_* libraries a target links directly: names only ($<LINK_ONLY:x> is how CMake records a static
# library's PRIVATE links for its users), without the object libraries Qt makes for resources.
function(bankid_direct_parts target out)
  set(parts "")
  foreach(property IN ITEMS LINK_LIBRARIES INTERFACE_LINK_LIBRARIES)
    get_target_property(libraries ${target} ${property})
    if(NOT libraries)
      continue()
    endif()
    foreach(library IN LISTS libraries)
      string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" library "${library}")
      if(library MATCHES "^bankid_[a-z_]+$" AND NOT library STREQUAL "bankid_options")
        if(TARGET ${library})
          get_target_property(type ${library} TYPE)
          if(type STREQUAL "OBJECT_LIBRARY")
            continue()
          endif()
        endif()
        list(APPEND parts ${library})
      endif()
    endforeach()
  endforeach()
  list(REMOVE_DUPLICATES parts)
  set(${out} "${parts}" PARENT_SCOPE)
endfunction()

function(bankid_collect_libraries directory out)
  get_property(targets DIRECTORY ${directory} PROPERTY BUILDSYSTEM_TARGETS)
  set(found "")
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    if(target MATCHES "^bankid_" AND type MATCHES "^(STATIC|SHARED|INTERFACE)_LIBRARY$")
      list(APPEND found ${target})
    endif()
  endforeach()
  get_property(children DIRECTORY ${directory} PROPERTY SUBDIRECTORIES)
  foreach(child IN LISTS children)
    bankid_collect_libraries(${child} below)
    list(APPEND found ${below})
  endforeach()
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

# Checks every bankid_* library of the source tree, except test support and the options target.
function(bankid_check_architecture)
  bankid_collect_libraries(${CMAKE_SOURCE_DIR} libraries)
  list(REMOVE_ITEM libraries bankid_options bankid_test_support)
  set(problems "")
  foreach(target IN LISTS libraries)
    if(NOT DEFINED BANKID_MAY_USE_${target})
      string(APPEND problems "\n  ${target} is not in the table of cmake/BankIdArchitecture.cmake: give it a row "
                             "(and docs/architecture.md a line)")
      continue()
    endif()
    bankid_direct_parts(${target} parts)
    set(allowed "${BANKID_MAY_USE_${target}}")
    if(NOT allowed)
      set(allowed "no other part")
    endif()
    foreach(part IN LISTS parts)
      if(NOT part IN_LIST BANKID_MAY_USE_${target})
        string(APPEND problems "\n  ${target} links ${part}, which it may not use (allowed: ${allowed})")
      endif()
    endforeach()
    if(target IN_LIST BANKID_HEADLESS_PARTS)
      foreach(property IN ITEMS LINK_LIBRARIES INTERFACE_LINK_LIBRARIES)
        get_target_property(linked ${target} ${property})
        foreach(library IN LISTS linked)
          if(library MATCHES "Qt6?::(Gui|Widgets|Multimedia|OpenGL)")
            string(APPEND problems "\n  ${target} links ${library}: it must build with Qt Core and Network only "
                                   "(BANKID_BUILD_DESK=OFF)")
          endif()
        endforeach()
      endforeach()
    endif()
  endforeach()
  if(problems)
    message(FATAL_ERROR "The parts' dependency rule (cmake/BankIdArchitecture.cmake, docs/architecture.md) is "
                        "broken:${problems}")
  endif()
  list(LENGTH libraries count)
  message(STATUS "Architecture: ${count} libraries link only the parts their rows allow")
endfunction()
