#!/usr/bin/env bash
# Quick start, command 1: everything a fresh machine needs, then the demo on the embedded sample.
# Installs pnpm if missing, the workspace dependencies, builds every package (the Rust crate of
# @omega-ta/kernels-native compiles from source), then runs `pnpm demo`.
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

echo "==> installing dependencies"
pnpm install --frozen-lockfile

echo "==> building (TypeScript packages and the native Rust crate)"
pnpm run build

echo "==> demo on the embedded sample"
pnpm run demo
