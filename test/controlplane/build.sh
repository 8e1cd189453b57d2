#!/usr/bin/env bash
# Build the control plane used by the live tests: kube-apiserver, kube-controller-manager and etcd, from the
# Go module proxy, for one Kubernetes version or (with no argument) every version in versions.txt.
#
#   bash test/controlplane/build.sh            # all versions in versions.txt
#   bash test/controlplane/build.sh 1.36.3     # one version (1.36 and v1.36.3 work too)
#
# Binaries go to .cache/controlplane/v<version>/bin/ at the repo root. Modules and compiled packages stay in
# the default GOMODCACHE and GOCACHE. A run whose inputs (this script, gen-gomod.sh, the Go sources, the Go
# toolchain) have not changed since the last successful build only checks a stamp and exits.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
export GOTOOLCHAIN=local   # never fetch a toolchain behind our back
export CGO_ENABLED=0       # static binaries, as Kubernetes releases build these three

if ! command -v go >/dev/null 2>&1; then
  if [[ -x /usr/local/go/bin/go ]]; then
    PATH=/usr/local/go/bin:$PATH
  else
    echo "build.sh: no Go toolchain on PATH (nor /usr/local/go/bin/go); cannot build the control plane" >&2
    exit 1
  fi
fi

resolve_version() {
  local want=${1#v}
  local v
  while read -r v; do
    [[ -z $v || $v == \#* ]] && continue
    if [[ $v == "$want" || $v == "$want".* ]]; then
      echo "$v"
      return 0
    fi
  done <"$here/versions.txt"
  if [[ $want =~ ^1\.[0-9]+\.[0-9]+$ ]]; then
    echo "$want"
    return 0
  fi
  echo "build.sh: unknown Kubernetes version '$1' (versions.txt has: $(grep -v '^#' "$here/versions.txt" | tr '\n' ' '))" >&2
  return 1
}

build_one() {
  local version=$1
  local out="$root/.cache/controlplane/v$version"
  local moddir="$out/mod" bin="$out/bin"
  local started=$SECONDS

  # Test files that find the binaries missing may call this script at the same time: one builds, the others
  # wait for it and then find the stamp current.
  mkdir -p "$out"
  local lock
  exec {lock}>"$out/.lock"
  if command -v flock >/dev/null 2>&1; then flock "$lock"; fi

  # Everything that decides what the binaries are. Module versions are pinned by the generated go.mod,
  # itself derived from the release's own go.mod, so they need not be listed here.
  local stamp
  stamp=$( {
    go version
    echo "$version"
    cat "$here/build.sh" "$here/gen-gomod.sh" "$here/go.mod"
    find "$here/cmd" -type f -name '*.go' | LC_ALL=C sort | xargs cat
  } | sha256sum | cut -d' ' -f1)

  if [[ -f $bin/.stamp && $(cat "$bin/.stamp") == "$stamp" &&
    -x $bin/kube-apiserver && -x $bin/kube-controller-manager && -x $bin/etcd ]]; then
    echo "control plane v$version: up to date in .cache/controlplane/v$version/bin ($((SECONDS - started))s)"
    exec {lock}>&-
    return 0
  fi

  echo "control plane v$version: building kube-apiserver, kube-controller-manager and etcd (seconds with warm Go caches, minutes cold)"
  mkdir -p "$moddir" "$bin"
  rm -f "$bin/.stamp"

  # Regenerate go.mod from the release's go.mod; tidy (which resolves and checks go.sum) only when it changed.
  "$here/gen-gomod.sh" "$version" >"$moddir/go.mod.gen.new"
  if ! cmp -s "$moddir/go.mod.gen.new" "$moddir/go.mod.gen" || [[ ! -f $moddir/go.mod || ! -f $moddir/go.sum ]]; then
    cp "$moddir/go.mod.gen.new" "$moddir/go.mod"
    rm -f "$moddir/go.sum"
    (cd "$here" && go mod tidy -modfile="$moddir/go.mod")
    mv "$moddir/go.mod.gen.new" "$moddir/go.mod.gen"
    echo "control plane v$version: modules resolved ($((SECONDS - started))s)"
  else
    rm -f "$moddir/go.mod.gen.new"
  fi

  # The same version stamping as Kubernetes' hack/lib/version.sh, so /version and the compatibility version
  # report the release rather than v0.0.0-master.
  local minor=${version#1.}
  minor=${minor%%.*}
  local ldflags="-s -w"
  local pkg
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldflags+=" -X $pkg.gitVersion=v$version -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor -X $pkg.gitTreeState=clean"
  done

  (cd "$here" && go build -modfile="$moddir/go.mod" -trimpath -ldflags="$ldflags" -o "$bin/" \
    k8s.io/kubernetes/cmd/kube-apiserver \
    k8s.io/kubernetes/cmd/kube-controller-manager \
    ./cmd/etcd)

  echo "$stamp" >"$bin/.stamp"
  echo "control plane v$version: built in $((SECONDS - started))s into .cache/controlplane/v$version/bin"
  exec {lock}>&-
}

total_started=$SECONDS
if [[ $# -eq 0 ]]; then
  mapfile -t versions < <(grep -v -e '^#' -e '^$' "$here/versions.txt")
else
  versions=()
  for arg in "$@"; do versions+=("$(resolve_version "$arg")"); done
fi
for v in "${versions[@]}"; do
  build_one "$v"
done
echo "control plane build: ${#versions[@]} version(s) in $((SECONDS - total_started))s"
