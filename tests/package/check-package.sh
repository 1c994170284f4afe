#!/bin/bash
# tests/package: builds the Debian package with CPack and checks it as a desk would get it.
#
#   check-package.sh versions BUILD_DIR VERSION   the built binaries' --version/--help with no display
#   check-package.sh deb BUILD_DIR VERSION         cpack -G DEB, then the .deb's control data and contents;
#                                                  dpkg -x into a throwaway root; the INSTALLED bankid-cli and
#                                                  bankid-simulator (--version, and an auth of the one against
#                                                  the other on loopback); appstreamcli, desktop-file-validate
#                                                  (when installed), the manual pages, lintian (no E: line)
#
# Exit 0 = passed, 1 = a check failed (the line before says which), 77 = skipped (the reason is printed):
# cpack, dpkg-deb or the CPack configuration (cmake/BankIdPackaging.cmake; none without the desk) missing.
# Every step prints its wall time, so a slow step shows in the ctest log.
set -u

mode=${1:?mode: versions or deb}
build=$(cd "${2:?build dir}" && pwd)
version=${3:?version}

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }
skip() { echo "SKIP: $*"; exit 77; }
step_started=$(date +%s.%N)
step() { # prints the previous step's duration, then the new step's name
    local now; now=$(date +%s.%N)
    awk -v a="$step_started" -v b="$now" -v s="$*" 'BEGIN { printf "      (%.1f s)\n== %s\n", b - a, s }'
    step_started=$now
}
expect_output() { # expect_output WHAT EXPECTED COMMAND...: exit 0 and stdout exactly EXPECTED (one line)
    local what=$1 expected=$2 out rc
    shift 2
    out=$("$@" 2>"$work/stderr"); rc=$?
    if [ "$rc" -eq 0 ] && [ "$out" = "$expected" ]; then
        pass "$what: $out"
    else
        fail "$what: exit $rc, stdout '$out' (expected '$expected'), stderr: $(head -c 400 "$work/stderr")"
    fi
}

work=$(mktemp -d "${TMPDIR:-/tmp}/bankid-package.XXXXXX")
simulator_pid=
cleanup() {
    [ -n "$simulator_pid" ] && kill "$simulator_pid" 2>/dev/null && wait "$simulator_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
# No display for anything below (--version and --help must not need one) and a private HOME, so nothing is
# read from or written to the user's settings.
export HOME="$work/home"
mkdir -p "$HOME"
unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM

# --- versions: the built binaries ---------------------------------------------------------------------------
if [ "$mode" = versions ]; then
    bin="$build/bin"
    expect_output "bankid-cli --version (no display)" "bankid-cli $version" "$bin/bankid-cli" --version
    expect_output "bankid-simulator --version (no display)" "bankid-simulator $version" \
        "$bin/bankid-simulator" --version
    if "$bin/bankid-simulator" --help >"$work/help" 2>&1 && grep -q -- '--state-dir' "$work/help"; then
        pass "bankid-simulator --help (no display)"
    else
        fail "bankid-simulator --help: $(head -c 400 "$work/help")"
    fi
    [ "$failures" -eq 0 ] || { echo "$failures check(s) failed"; exit 1; }
    exit 0
fi
[ "$mode" = deb ] || { echo "unknown mode '$mode'"; exit 2; }

# --- deb: build the package ---------------------------------------------------------------------------------
command -v cpack >/dev/null || skip "cpack is not installed (package cmake)"
command -v dpkg-deb >/dev/null || skip "dpkg-deb is not installed (package dpkg)"
[ -f "$build/CPackConfig.cmake" ] || skip "$build/CPackConfig.cmake is missing: a build without the desk (BANKID_BUILD_DESK=OFF), or the top-level CMakeLists.txt does not include cmake/BankIdPackaging.cmake"
arch=$(dpkg --print-architecture)
deb_name="bankid-desk_${version}_${arch}.deb"

step "cpack -G DEB (packs what the last build made)"
# -B: the package and CPack's staging tree go to the throwaway folder, not into the build dir.
if ! (cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1); then
    cat "$work/cpack.log"
    fail "cpack -G DEB failed"
    exit 1
fi
deb="$work/out/$deb_name"
[ -f "$deb" ] || { cat "$work/cpack.log"; ls "$work/out"; fail "cpack made no $deb_name"; exit 1; }
pass "$deb_name, $(stat -c %s "$deb") bytes"

step "dpkg-deb -I: control data"
dpkg-deb -I "$deb" >"$work/info"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = bankid-desk ] && pass "Package: bankid-desk" || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] && pass "Version: $version" || fail "Version: $(field Version), expected $version"
[ "$(field Architecture)" = "$arch" ] && pass "Architecture: $arch" || fail "Architecture: $(field Architecture)"
for key in Maintainer Section Priority Description Installed-Size; do
    [ -n "$(field "$key")" ] && pass "$key: $(field "$key" | head -1)" || fail "no $key field"
done
depends=$(field Depends)
echo "      Depends: $depends"
echo "      Recommends: $(field Recommends)"
# The libraries the binaries link (dpkg-shlibdeps) and what Qt loads at run time (listed by hand).
for package in libqt6core6 libqt6network6 libqt6gui6 libqt6widgets6 libqt6multimedia6 libqt6svg6 libssl3 \
               libxmlsec1-openssl libqrencode4 libzbar0 libc6; do
    if echo ", $depends," | grep -Eq "[ ,]$package( \([^)]*\))?,"; then
        pass "Depends: $package"
    else
        fail "Depends lacks $package"
    fi
done

step "dpkg-deb -c: contents"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/contents"
expected="/usr/bin/bankid-desk /usr/bin/bankid-cli /usr/bin/bankid-simulator
/usr/share/applications/bankid-desk.desktop /usr/share/icons/hicolor/scalable/apps/bankid-desk.svg
/usr/share/metainfo/se.bankiddesk.desk.metainfo.xml
/usr/share/man/man1/bankid-desk.1.gz /usr/share/man/man1/bankid-cli.1.gz /usr/share/man/man1/bankid-simulator.1.gz
/usr/share/doc/bankid-desk/copyright /usr/share/doc/bankid-desk/changelog.gz"
for size in 16 22 24 32 48 64 128 256; do
    expected="$expected /usr/share/icons/hicolor/${size}x${size}/apps/bankid-desk.png"
done
for path in $expected; do
    grep -qxF "$path" "$work/contents" && pass "contains $path" || fail "$path is not in the package"
done
if grep -v -e '/$' "$work/contents" | grep -v -E '^/usr/(bin|share)/' >"$work/stray"; then
    fail "files outside /usr/bin and /usr/share: $(tr '\n' ' ' <"$work/stray")"
else
    pass "every file is under /usr/bin or /usr/share ($(grep -vc '/$' "$work/contents") files)"
fi

step "install into throwaway roots: dpkg -x, and dpkg --root (fakeroot when not root)"
extracted="$work/extracted"
dpkg -x "$deb" "$extracted" && pass "dpkg -x" || { fail "dpkg -x"; exit 1; }
# dpkg --root: a real installation with its own dpkg database in the throwaway root. The dependencies are
# installed on this machine, not in that root (--force-depends); there are no maintainer scripts.
root="$work/root"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
: >"$root/var/lib/dpkg/status"
as_root=
[ "$(id -u)" -eq 0 ] || as_root="fakeroot"
if $as_root dpkg --root="$root" --force-not-root --force-depends --force-script-chrootless -i "$deb" \
    >"$work/dpkg-root.log" 2>&1 && [ "$(dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${Status}' bankid-desk)" = "install ok installed" ]; then
    pass "${as_root:+fakeroot }dpkg --root: bankid-desk install ok installed"
else
    fail "dpkg --root: $(tail -c 600 "$work/dpkg-root.log")"
    root=$extracted # the remaining checks on the extracted tree
fi
if diff <(cd "$extracted" && find . ! -type d | sort) <(cd "$root" && find ./usr ! -type d | sort) >"$work/trees"; then
    pass "dpkg -x and dpkg --root installed the same files"
else
    fail "dpkg -x and dpkg --root differ: $(head -c 400 "$work/trees")"
fi
# Every Depends (first alternative, by name) is installed on this machine, so the binaries below run against
# the libraries the package names.
missing=
for package in $(echo "$depends" | tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/ //g'); do
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null)" = installed ] || missing="$missing $package"
done
[ -z "$missing" ] && pass "every dependency is installed here" || fail "dependencies not installed here:$missing"
for binary in bankid-desk bankid-cli bankid-simulator; do
    description=$(file -b "$root/usr/bin/$binary")
    case "$description" in
        *ELF*", stripped"*) pass "$binary is a stripped ELF executable" ;;
        *) fail "$binary: $description" ;;
    esac
done

step "the installed binaries: --version and --help with no display"
expect_output "installed bankid-cli --version" "bankid-cli $version" "$root/usr/bin/bankid-cli" --version
expect_output "installed bankid-simulator --version" "bankid-simulator $version" \
    "$root/usr/bin/bankid-simulator" --version
if "$root/usr/bin/bankid-cli" --help >"$work/help" 2>&1 && grep -q -- '--password-env' "$work/help"; then
    pass "installed bankid-cli --help"
else
    fail "installed bankid-cli --help: $(head -c 400 "$work/help")"
fi
# The desk is a QApplication: offscreen here (its --version without any display is the app's own test).
expect_output "installed bankid-desk --version (offscreen)" "bankid-desk $version" \
    env QT_QPA_PLATFORM=offscreen "$root/usr/bin/bankid-desk" --version

step "an auth: the installed bankid-cli against the installed bankid-simulator"
state="$work/simulator-state"
"$root/usr/bin/bankid-simulator" --state-dir "$state" --listen 127.0.0.1:0 --user auto --latency-ms 0 \
    >"$work/simulator.log" 2>&1 &
simulator_pid=$!
for _ in $(seq 1 300); do # 30 s: the first start makes the CA, server, client and signing keys
    grep -q '^Ready' "$work/simulator.log" && break
    kill -0 "$simulator_pid" 2>/dev/null || break
    sleep 0.1
done
base_url=$(sed -n 's/^  base URL: *//p' "$work/simulator.log")
if [ -z "$base_url" ]; then
    fail "the installed simulator did not start: $(head -c 800 "$work/simulator.log")"
else
    pass "simulator at $base_url"
    # The simulated person scans the QR code and approves about 2 s after the order starts.
    SIM_PASSWORD=qwerty123 timeout 60 "$root/usr/bin/bankid-cli" auth --url "$base_url" --ca "$state/ca.pem" \
        --cert "$state/client.p12" --password-env SIM_PASSWORD --end-user-ip 127.0.0.1 --json \
        >"$work/auth.json" 2>"$work/auth.err"
    rc=$?
    if [ "$rc" -eq 0 ] && grep -q '"status": "complete"' "$work/auth.json" \
        && grep -q '"personalNumber": "[0-9]\{12\}"' "$work/auth.json"; then
        pass "auth completed (orderRef $(sed -n 's/.*"orderRef": "\([^"]*\)".*/\1/p' "$work/auth.json"))"
    else
        fail "auth: exit $rc, stdout $(head -c 600 "$work/auth.json"), stderr $(head -c 600 "$work/auth.err")"
    fi
    kill "$simulator_pid"
    wait "$simulator_pid" 2>/dev/null
    simulator_pid=
fi

step "AppStream metainfo and desktop entry"
if command -v appstreamcli >/dev/null; then
    if appstreamcli validate --no-net --explain "$root/usr/share/metainfo/se.bankiddesk.desk.metainfo.xml" \
        >"$work/appstream" 2>&1; then
        pass "appstreamcli validate --no-net: $(tail -1 "$work/appstream")"
    else
        cat "$work/appstream"
        fail "appstreamcli validate --no-net"
    fi
    # The installed tree as a software centre reads it: metainfo, its launchable desktop entry and its icon.
    if appstreamcli validate-tree --no-net "$root" >"$work/appstream-tree" 2>&1; then
        pass "appstreamcli validate-tree --no-net: $(tail -1 "$work/appstream-tree")"
    else
        cat "$work/appstream-tree"
        fail "appstreamcli validate-tree --no-net"
    fi
else
    echo "note: appstreamcli is not installed (package appstream): metainfo not validated"
fi
if command -v desktop-file-validate >/dev/null; then
    if desktop-file-validate "$root/usr/share/applications/bankid-desk.desktop" >"$work/desktop" 2>&1 \
        && ! grep -q . "$work/desktop"; then
        pass "desktop-file-validate"
    else
        cat "$work/desktop"
        fail "desktop-file-validate"
    fi
else
    echo "note: desktop-file-validate is not installed (package desktop-file-utils): lintian checks the entry"
fi

step "manual pages (man --warnings)"
for page in bankid-desk bankid-cli bankid-simulator; do
    if LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$root/usr/share/man/man1/$page.1.gz" \
        2>"$work/man.err" >"$work/man.out" && ! grep -q . "$work/man.err" && grep -q '^OPTIONS' "$work/man.out"; then
        pass "man $page: no warnings"
    else
        fail "man $page: $(head -c 400 "$work/man.err")"
    fi
done

step "lintian"
if command -v lintian >/dev/null; then
    # Every tag is printed here (the package needs no overrides). Errors fail the test; warnings and infos
    # are listed in the README.
    lintian --display-info --tag-display-limit 0 "$deb" >"$work/lintian" 2>&1
    grep -E '^[EWIP]: ' "$work/lintian" | sed 's/^/      /'
    if grep -q '^E: ' "$work/lintian"; then
        fail "lintian reports errors"
    else
        pass "lintian: no E: line ($(grep -c '^W: ' "$work/lintian") W:, $(grep -c '^I: ' "$work/lintian") I:)"
    fi
else
    echo "note: lintian is not installed: not run"
fi
step "done"

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "every check passed"
