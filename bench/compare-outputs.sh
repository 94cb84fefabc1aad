#!/usr/bin/env bash
# Byte-identical outputs (issue 11): runs every command of bench/compare-commands.txt (or of the
# file given with -f) with the lcn jar of a base commit and with the jar of the working tree, and
# diffs stdout, stderr and the exit status of each. Fields that measure time ("seconds") and
# progress lines on stderr are left out. Usage: bench/compare-outputs.sh [-f COMMANDS] [BASE]   (BASE defaults to main)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
commands="$here/bench/compare-commands.txt"
if [[ "${1:-}" == -f ]]; then
  commands="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
  shift 2
fi
base="${1:-main}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "building $base ..." >&2
mkdir -p "$work/base"
git -C "$here" archive "$base" | tar -x -C "$work/base"
(cd "$work/base" && mvn -B -q -o -DskipTests -Dmaven.javadoc.skip=true package -pl cli -am \
  >"$work/base-build.log" 2>&1) || { cat "$work/base-build.log" >&2; exit 1; }
echo "building the working tree ..." >&2
"$here/lcn" --version >/dev/null
base_jar="$work/base/cli/target/lcn.jar"
tree_jar="$here/cli/target/lcn.jar"

# the workloads' inputs as command-line JSON
field() { python3 -c "import json,sys; print(json.dumps($2, separators=(',', ':')))" "$1"; }
w="$here/bench/workloads"
W1filters="$(field "$w/W1.json" "[l['filter'] for l in json.load(open(sys.argv[1]))['layers']]")"
W2v="$(field "$w/W2.json" "json.load(open(sys.argv[1]))['v']")"
W3v="$(field "$w/W3.json" "json.load(open(sys.argv[1]))['v']")"

run() { # jar outdir index args...
  local jar="$1" out="$2" i="$3"
  shift 3
  mkdir -p "$out/tmp$i"
  local rc=0
  (cd "$out/tmp$i" && java -Djava.awt.headless=true -jar "$jar" "$@" >"$out/$i.out" 2>"$out/$i.err") || rc=$?
  echo "$rc" >"$out/$i.rc"
  sed -i -E '/^ *"seconds" *: /d; s/, "seconds" : [0-9.eE+-]+//' "$out/$i.out"
  # progress lines on stderr say how long the work has taken so far
  sed -i -E '/^(lcn )?[a-z]+: .*(\([0-9.]+ s\)|[0-9]+%)/d' "$out/$i.err"
}

i=0
failed=0
while IFS= read -r line; do
  [[ -z "$line" || "$line" == \#* ]] && continue
  i=$((i + 1))
  line="${line//\{W\}/$w}"
  line="${line//\{S\}//work/shared/bench/workloads}"
  line="${line//\{W1filters\}/$W1filters}"
  line="${line//\{W2v\}/$W2v}"
  line="${line//\{W3v\}/$W3v}"
  read -r -a args <<<"$line"
  args=("${args[@]:1}")
  for side in base tree; do
    jar="$base_jar"; [[ $side == tree ]] && jar="$tree_jar"
    a=("${args[@]//\{TMP\}/$work/$side/tmp$i}")
    run "$jar" "$work/$side" "$i" "${a[@]}"
  done
  if cmp -s "$work/base/$i.out" "$work/tree/$i.out" && cmp -s "$work/base/$i.err" "$work/tree/$i.err" \
      && cmp -s "$work/base/$i.rc" "$work/tree/$i.rc"; then
    echo "same   $i: ${line:0:110}"
  else
    failed=$((failed + 1))
    echo "DIFFER $i: ${line:0:110}"
    diff "$work/base/$i.out" "$work/tree/$i.out" | head -20 || true
    diff "$work/base/$i.err" "$work/tree/$i.err" | head -5 || true
    diff "$work/base/$i.rc" "$work/tree/$i.rc" || true
  fi
done <"$commands"
echo "$i commands, $failed differ ($base vs the working tree)"
[[ $failed == 0 ]]
