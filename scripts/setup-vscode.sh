#!/usr/bin/env bash
# Installs what the real-editor tests need: Debian's chromium, ripgrep, libkrb5-dev
# (headers for a native module), neovim, emacs-nox and elpa-eglot, and code-server (VS Code served to a
# browser) under .vscode-test/code-server. A stamp file makes a second run a no-op.
set -euo pipefail
cd "$(dirname "$0")/.."

CODE_SERVER_VERSION=4.100.3 # the last line that runs on Node 20
PREFIX="$PWD/.vscode-test/code-server"
STAMP="$PREFIX/.installed-$CODE_SERVER_VERSION"
APT_PACKAGES=(chromium ripgrep libkrb5-dev neovim emacs-nox elpa-eglot)
export npm_config_update_notifier=false npm_config_audit=false npm_config_fund=false

fail() {
  echo "setup-vscode: $*" >&2
  exit 1
}

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ] && [ -f "$STAMP" ] && [ -x "$PREFIX/node_modules/.bin/code-server" ]; then
  exit 0
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    fail "missing Debian packages: ${missing[*]}. Install them as root: apt-get install -y ${missing[*]}"
  fi
  echo "setup-vscode: installing ${missing[*]} with apt-get"
  # The package lists may be stale or absent on a fresh machine: update once and retry.
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; then
    apt-get update >/dev/null || fail "apt-get update failed: are Debian's package mirrors reachable?"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null \
      || fail "apt-get could not install ${missing[*]}"
  fi
fi

if [ -f "$STAMP" ] && [ -x "$PREFIX/node_modules/.bin/code-server" ]; then
  exit 0
fi

timeout 60 npm view --fetch-retries=1 --fetch-timeout=20000 "code-server@$CODE_SERVER_VERSION" version >/dev/null 2>&1 \
  || fail "the npm registry is unreachable (npm view code-server@$CODE_SERVER_VERSION failed); check the network or npm's registry setting"

echo "setup-vscode: installing code-server $CODE_SERVER_VERSION into $PREFIX (about three minutes)"
started=$SECONDS
rm -rf "$PREFIX"
mkdir -p "$PREFIX"
npm install --prefix "$PREFIX" --ignore-scripts --no-save "code-server@$CODE_SERVER_VERSION" >/dev/null \
  || fail "npm install code-server@$CODE_SERVER_VERSION failed"

VSCODE_DIR="$PREFIX/node_modules/code-server/lib/vscode"
(
  cd "$VSCODE_DIR"
  npm install --omit=dev --ignore-scripts >/dev/null
  # @vscode/ripgrep's install script downloads a binary; Debian's rg stands in for it.
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  # Native modules are shipped unbuilt because the install ran without scripts.
  mapfile -t native < <(node -e '
    const { packages } = require("./npm-shrinkwrap.json");
    for (const [path, meta] of Object.entries(packages)) {
      if (!path || !meta.hasInstallScript || meta.dev) continue;
      const name = path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
      if (name !== "@vscode/ripgrep") console.log(name);
    }')
  if [ ${#native[@]} -gt 0 ]; then
    npm_config_yes=true npm rebuild "${native[@]}" >/dev/null
  fi
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sf code-linux.sh code-server)
  (cd bin/helpers && ln -sf browser-linux.sh browser.sh)
  (cd extensions && npm install --omit=dev --ignore-scripts >/dev/null)
) || fail "preparing VS Code inside code-server failed (see the npm output above)"

(cd "$PREFIX" && npm_config_yes=true npm rebuild argon2 >/dev/null) || fail "rebuilding argon2 failed"

# The first start also logs that it wrote a default config; keep only the version line.
version=$("$PREFIX/node_modules/.bin/code-server" --version 2>/dev/null | grep -m1 ' with Code ') \
  || fail "code-server was installed but does not start"
case "$version" in
  "$CODE_SERVER_VERSION "*) ;;
  *) fail "unexpected code-server version: $version" ;;
esac
touch "$STAMP"
echo "setup-vscode: code-server $version ready in $((SECONDS - started)) s"
