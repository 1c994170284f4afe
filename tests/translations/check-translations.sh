#!/usr/bin/env bash
# Fails when a catalogue is not complete: for Swedish, a source string in core/, cli/, app/ or translations/
# (lupdate reads their subfolders too) that the committed translations/bankid-desk_sv.ts lacks, or an entry
# that is unfinished, obsolete or vanished.
# It runs lupdate on a temporary copy, so the committed file is never changed by a test run.
#   check-translations.sh SOURCE_DIR LUPDATE
set -euo pipefail
src=$1
lupdate=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src/translations/bankid-desk_sv.ts" "$tmp/check_sv.ts"
"$lupdate" -silent -locations none -no-obsolete "$src/core" "$src/cli" "$src/app" "$src/translations" -ts "$tmp/check_sv.ts" >/dev/null
problems=0
if ! cmp -s <(grep -c '<message' "$src/translations/bankid-desk_sv.ts") <(grep -c '<message' "$tmp/check_sv.ts"); then
  echo "translations/bankid-desk_sv.ts is out of date: run 'cmake --build build --target update_translations'"
  problems=1
fi
for kind in unfinished obsolete vanished; do
  count=$(grep -c "type=\"$kind\"" "$tmp/check_sv.ts" || true)
  if [ "$count" -gt 0 ]; then
    echo "$count Swedish translation(s) are $kind:"
    grep -B3 "type=\"$kind\"" "$tmp/check_sv.ts" | grep '<source>' | sed 's/^ */  /' | head -40
    problems=1
  fi
done
# English: the plural-forms catalogue must cover every %n source string with both forms.
cp "$src/translations/bankid-desk_en.ts" "$tmp/check_en.ts"
"$lupdate" -silent -pluralonly -locations none -no-obsolete "$src/core" "$src/cli" "$src/app" "$src/translations" -ts "$tmp/check_en.ts" >/dev/null
english=$(grep -c 'type="unfinished"\|type="vanished"\|type="obsolete"' "$tmp/check_en.ts" || true)
if [ "$english" -gt 0 ]; then
  echo "$english English plural form(s) missing in translations/bankid-desk_en.ts (lupdate -pluralonly, then fill both forms)"
  problems=1
fi
[ "$problems" -eq 0 ] && echo "Swedish translations complete: $(grep -c '<message' "$tmp/check_sv.ts") strings; English plural forms complete"
exit "$problems"
