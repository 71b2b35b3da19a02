#!/usr/bin/env bash
# Scores munshi on the project's own evaluation sets (test/data/) with the shared scorer.
#   scripts/eval-own.sh [own|hard|blind]   (default: every set present)
# The scorer reads sets from its own folder, so it is copied with each set into a temp dir.
set -euo pipefail
cd "$(dirname "$0")/.."
scorer="${MUNSHI_SCORER:-../shared/eval/score.mjs}"
# A git worktree under ../wt/NAME sits one level deeper than the main checkout.
[ -f "$scorer" ] || scorer="../../shared/eval/score.mjs"
[ -f "$scorer" ] || { echo "no shared scorer at $scorer" >&2; exit 2; }
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(own hard blind)
for s in "${sets[@]}"; do
  tmp=$(mktemp -d)
  mkdir -p "$tmp/sample"
  cp "$scorer" "$tmp/score.mjs"
  have=0
  if [ -f "test/data/ingest-$s.jsonl" ]; then cp "test/data/ingest-$s.jsonl" "$tmp/sample/ingest.jsonl"; have=1; fi
  if [ -f "test/data/queries-$s.jsonl" ] && [ -f "test/data/ledger-$s.jsonl" ]; then
    cp "test/data/queries-$s.jsonl" "$tmp/sample/queries.jsonl"; cp "test/data/ledger-$s.jsonl" "$tmp/sample/ledger.jsonl"; have=$((have + 2))
  fi
  only=()
  [ $have -eq 1 ] && only=(--only ingest)
  [ $have -eq 2 ] && only=(--only queries)
  if [ $have -gt 0 ]; then
    echo "== $s"
    node "$tmp/score.mjs" --repo "$PWD" --set sample "${only[@]}" | tail -n +2
    cp "$(node -e 'console.log(require("os").tmpdir())')/munshi-eval/last-sample.txt" "/tmp/munshi-eval-$s.txt" 2>/dev/null && echo "failures: /tmp/munshi-eval-$s.txt"
  fi
  rm -rf "$tmp"
done
