#!/usr/bin/env bash
# run-fuzzers.sh BUILD_DIR SECONDS [HARNESS...]: runs each libFuzzer harness of a BANKID_FUZZ build for SECONDS
# over its working corpus and prints one row per harness. Called by `./dev fuzz` (tests/fuzz/README.md).
#
# - Working corpus: BUILD_DIR/corpus/<harness>/, seeded from tests/fuzz/corpus/<harness>/ (existing entries
#   are kept, so runs accumulate); new entries stay there and are never committed by this script. The
#   saved crash inputs of tests/data/fuzz-regressions/<harness>/ are read too (as a second, read-only corpus).
# - Crash files: BUILD_DIR/crashes/<harness>/ (crash-*, leak-*, timeout-*, oom-*; slow-unit-* files are listed
#   but not counted: see findings() below).
# - Log: every run appends "date<TAB>harness<TAB>seconds<TAB>runs<TAB>edges<TAB>crashes<TAB>cpu-seconds" to
#   BUILD_DIR/fuzz-log.tsv. seconds is wall time; cpu-seconds is the fuzzer's user + system time, which is what
#   counts as time fuzzed when the machine was busy with other work (the fuzzers run at nice 19).
# Exit status: 1 when any harness crashed (or found a timeout, a leak or ran out of memory), else 0.
set -uo pipefail
cd "$(dirname "$0")/../.."

BUILD_DIR=$1
SECONDS_PER_HARNESS=$2
shift 2
FUZZ_SOURCE=tests/fuzz

# Which dictionary each harness uses (several share the RP API one).
dictionary_of() {
  case "$1" in
    api_responses|order_request|sim_parameters) echo api ;;
    evidence) echo xmldsig ;;
    receipt) echo receipt ;;
    audit_log) echo audit ;;
    sim_control) echo sim_control ;;
    simple_markdown) echo markdown ;;
    sim_http_request) echo http ;;
    id_card) echo id_card ;;
    *) echo "" ;;
  esac
}

if [ $# -gt 0 ]; then
  harnesses=("$@")
else
  mapfile -t harnesses < <(ls "$FUZZ_SOURCE"/fuzz_*.cpp | sed 's|.*/fuzz_\(.*\)\.cpp|\1|')
fi

log="$BUILD_DIR/fuzz-log.tsv"
[ -f "$log" ] || printf 'date\tharness\tseconds\truns\tedges\tcrashes\tcpu-seconds\n' > "$log"

printf '%-16s %7s %7s %10s %7s %8s %8s  %s\n' harness seconds cpu-sec runs edges new-corp crashes "crash files"
failed=0
for harness in "${harnesses[@]}"; do
  binary="$BUILD_DIR/bin/fuzz_$harness"
  if [ ! -x "$binary" ]; then
    echo "no fuzz binary $binary (build it: ./dev fuzz builds every harness)" >&2
    failed=1
    continue
  fi
  corpus="$BUILD_DIR/corpus/$harness"
  crashes="$BUILD_DIR/crashes/$harness"
  output="$BUILD_DIR/fuzz-output/$harness.log"
  mkdir -p "$corpus" "$crashes" "$(dirname "$output")"
  cp -n "$FUZZ_SOURCE/corpus/$harness"/* "$corpus"/ 2>/dev/null || true
  before=$(find "$corpus" -type f | wc -l)
  # Only these are findings. libFuzzer also saves slow-unit-* (an input that took over 10 s of WALL time): at
  # nice 19 on a machine busy with builds that is the scheduler, not the code, so it is listed but not counted.
  findings() { find "$crashes" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) "$@"; }
  crashes_before=$(findings | wc -l)

  arguments=(-max_total_time="$SECONDS_PER_HARNESS" -print_final_stats=1 -timeout=30 -rss_limit_mb=2560
             -artifact_prefix="$crashes/")
  dictionary=$(dictionary_of "$harness")
  [ -n "$dictionary" ] && arguments+=(-dict="$FUZZ_SOURCE/dict/$dictionary.dict")
  corpora=("$corpus" "$FUZZ_SOURCE/corpus/$harness")
  [ -d "tests/data/fuzz-regressions/$harness" ] && corpora+=("tests/data/fuzz-regressions/$harness")

  started=$(date +%s)
  # LeakSanitizer off: Qt's and OpenSSL's process-lifetime allocations are not leaks (see ./dev test).
  # GNU time writes the fuzzer's user and system seconds to a file of their own, apart from its output.
  cpu_file="$BUILD_DIR/fuzz-output/$harness.cpu"
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    QT_QPA_PLATFORM=offscreen nice -n 19 /usr/bin/time -o "$cpu_file" -f '%U %S' \
    "$binary" "${arguments[@]}" "${corpora[@]}" > "$output" 2>&1
  status=$?
  cpu_seconds=$(awk 'END { printf "%d", $1 + $2 }' "$cpu_file" 2>/dev/null)
  elapsed=$(( $(date +%s) - started ))

  runs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$output" | tail -n 1)
  edges=$(grep -o 'cov: [0-9]*' "$output" | tail -n 1 | grep -o '[0-9]*')
  after=$(find "$corpus" -type f | wc -l)
  new_files=$(findings -newermt "@$started" | sort)
  slow_units=$(find "$crashes" -type f -name 'slow-unit-*' -newermt "@$started" | sort)
  [ -n "$slow_units" ] && new_files="$new_files (slow, not counted: $(echo $slow_units))"
  crash_count=$(( $(findings | wc -l) - crashes_before ))
  if [ "$status" -ne 0 ] && [ "$crash_count" -eq 0 ]; then
    crash_count=1 # it died without an artifact (e.g. in LLVMFuzzerInitialize): see the output log
    new_files="(no artifact: $output)"
  fi
  [ "$crash_count" -gt 0 ] && failed=1
  printf '%-16s %7s %7s %10s %7s %8s %8s  %s\n' "$harness" "$elapsed" "${cpu_seconds:-0}" "${runs:-0}" "${edges:-0}" "$((after - before))" \
    "$crash_count" "$(echo $new_files)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$harness" "$elapsed" "${runs:-0}" \
    "${edges:-0}" "$crash_count" "${cpu_seconds:-0}" >> "$log"
done
exit $failed
