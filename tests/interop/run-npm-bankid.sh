#!/usr/bin/env bash
# Runs npm-bankid.mjs against a freshly started bankid-simulator: proof that an independent, unmodified
# BankID RP client completes auth, sign, collect and cancel against it. Needs node + npm and the npm
# registry (it installs `bankid@3` into a temporary folder); exits 77 (ctest: skipped) with the reason
# when they are missing.
#   tests/interop/run-npm-bankid.sh [build-dir]
set -euo pipefail
command -v node >/dev/null && command -v npm >/dev/null || { echo "SKIP: node and npm are not installed"; exit 77; }
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
work=$(mktemp -d)
trap 'kill $sim 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && timeout 120 npm install --silent bankid@3 >/dev/null) \
  || { echo "SKIP: npm could not install bankid@3 (no registry?)"; exit 77; }
cp "$here/npm-bankid.mjs" "$work/"
"$build/bin/bankid-simulator" --state-dir "$work/state" --listen 127.0.0.1:0 --latency-ms 0 >"$work/sim.out" 2>&1 &
sim=$!
for _ in $(seq 50); do grep -q "https://" "$work/sim.out" && break; sleep 0.1; done
url=$(grep -o 'https://[^ "]*/rp/v6.0' "$work/sim.out" | head -1)
(cd "$work" && node npm-bankid.mjs "$url" "$work/state")
