#!/usr/bin/env bash
# Quick start, command 1: everything a fresh machine needs, then the demo on the embedded sample.
# Installs pnpm if missing, Chromium for the report's browser test if missing (Debian/Ubuntu, via
# apt-get), the workspace dependencies, builds every package (the Rust crate of
# @omega-ta/kernels-native compiles from source), runs `pnpm demo`, and ends with the `omega-ta`
# CLI on the embedded sample: its summary and an HTML chart report in out/.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9

node_ok=$(node -e 'const [a,b]=process.versions.node.split(".").map(Number); console.log(a>20||(a===20&&b>=19)?1:0)' 2>/dev/null || echo 0)
if [ "$node_ok" != 1 ]; then
  echo "omega-ta needs Node.js >= 20.19 (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
  echo "==> installing pnpm $PNPM_VERSION"
  npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION"
fi

if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi
if ! command -v cargo >/dev/null 2>&1; then
  echo "omega-ta builds its native kernels from source and needs the Rust toolchain (cargo); install it with rustup" >&2
  exit 1
fi

# Chromium (Debian's package) for the test that opens the CLI's HTML report; CHROMIUM_PATH may
# name another one. Without apt-get (e.g. macOS) say how to provide it; the test then fails.
chromium_found() {
  [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ] && return 0
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1
}
if ! chromium_found; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo_cmd=""
    if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo -n"; fi
    echo "==> installing chromium (apt-get) for the report's browser test"
    for attempt in 1 2 3; do
      if $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
        $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; then
        break
      fi
      echo "apt-get failed (attempt $attempt of 3)" >&2
      sleep $((attempt * 5))
    done
  fi
  if ! chromium_found; then
    echo "warning: no Chromium found; the browser test of pnpm test needs one (apt-get install chromium, or set CHROMIUM_PATH)" >&2
  fi
fi

echo "==> installing dependencies"
pnpm install --frozen-lockfile

echo "==> building (TypeScript packages and the native Rust crate)"
pnpm run build

echo "==> demo on the embedded sample"
pnpm run demo

echo "==> omega-ta CLI on the embedded sample (examples/sample-ttrc-3000.csv)"
pnpm exec omega-ta compute examples/sample-ttrc-3000.csv --indicators ema:20,rsi:14,macd:12:26:9 --out out
pnpm exec omega-ta report examples/sample-ttrc-3000.csv --indicators ema:20,bollinger:20,rsi:14 --out out/sample-ttrc-3000.report.html
