#!/usr/bin/env bash
# Installs the Debian 12 packages OneWindow needs to build, run and test. The one list both
# ./run.sh and ./test.sh use. Installs only what is missing, so a second run costs a second.
set -euo pipefail

packages=(
  # toolchain
  build-essential clang cmake ninja-build ccache pkg-config git curl libbenchmark-dev python3 python3-yaml python3-jsonschema
  # client: Qt 6
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n libqt6sql6-sqlite qt6-pdf-dev qt6-charts-dev libqt6opengl6-dev libgl-dev
  # server: Poco and its connectors, logging
  libpoco-dev libspdlog-dev libfmt-dev libssl-dev libsqlite3-dev libpq-dev
  # libraries used by features: QR codes, pinyin, scanning
  libqrencode-dev libicu-dev libsane-dev sane-utils
  # real parts for tests: PostgreSQL, a screen, the accessibility bus, fonts, PDFs, QR, printing
  postgresql xvfb xauth dbus-x11 at-spi2-core python3-pyatspi fonts-noto-cjk
  poppler-utils zbar-tools cups printer-driver-cups-pdf openssl
  # screenshots for the guides (E2E_SHOTS)
  x11-apps imagemagick
  # the packages and their test: lintian, a clean Debian root, AppStream and desktop entry checks
  dpkg-dev lintian mmdebstrap appstream desktop-file-utils help2man
  # backups: SQLite's online copy (PostgreSQL's pg_dump comes with postgresql)
  sqlite3
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  sudo=sudo
else
  sudo=
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
