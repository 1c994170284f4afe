# bankid_options: the one INTERFACE target carrying the project's language level, warnings and Qt
# strictness. Every target links it PRIVATE, so the flags never leak to consumers of installed files.
add_library(bankid_options INTERFACE)
target_compile_features(bankid_options INTERFACE cxx_std_20)
target_compile_options(bankid_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor)
target_compile_definitions(bankid_options INTERFACE
  QT_NO_CAST_FROM_ASCII          # every user-visible literal goes through tr() or QStringLiteral
  QT_NO_CAST_TO_ASCII
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_CONTEXTLESS_CONNECT      # a lambda connection always names its context object
  QT_USE_QSTRINGBUILDER
  QT_STRICT_ITERATORS)

if(BANKID_SANITIZE)
  target_compile_options(bankid_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                  -fno-sanitize-recover=undefined)
  target_link_options(bankid_options INTERFACE -fsanitize=address,undefined)
endif()
