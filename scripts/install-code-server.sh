#!/usr/bin/env bash
# Installs code-server 4.100.3 (= VS Code 1.100.3) into a git-ignored cache folder,
# outside the project's dependencies, without any download but npm packages:
# scripts off, native modules rebuilt here, ripgrep taken from Debian (/usr/bin/rg).
# See ../shared/docs/real-vscode-offline.md. Needs: chromium ripgrep libkrb5-dev, a C++ toolchain.
set -euo pipefail
VERSION=4.100.3
D="${CODE_SERVER_DIR:-$(cd "$(dirname "$0")/.." && pwd)/.vscode-test/code-server}"
MARK="$D/.installed-$VERSION"
if [ -f "$MARK" ]; then echo "code-server $VERSION: cached in $D"; exit 0; fi
command -v rg >/dev/null || { echo "install-code-server: ripgrep (rg) is missing: apt-get install ripgrep" >&2; exit 1; }
echo "code-server $VERSION: installing into $D"
rm -rf "$D" && mkdir -p "$D" && cd "$D"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION"
npm rebuild argon2
cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --omit=dev --ignore-scripts
npm_config_yes=true npm rebuild node-pty @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog kerberos
mkdir -p node_modules/@vscode/ripgrep/bin && ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
(cd extensions && npm install --no-audit --no-fund --omit=dev --ignore-scripts)
touch "$MARK"
echo "code-server $VERSION: installed"
