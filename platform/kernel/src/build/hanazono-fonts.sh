#!/usr/bin/env bash
# Puts HanaMinA.ttf and HanaMinB.ttf (花园明朝 A/B, GlyphWiki project; Hanazono Font License or SIL OFL 1.1)
# and their licence into the folder $1, for printed documents (docs/adr/0006-fonts-in-printed-documents.md).
#
# No Maven artifact ships a CJK font that covers Extension B, so they come from Debian's package
# fonts-hanazono: the installed fonts if the package is installed, else `apt-get download` (needs no root)
# unpacked with dpkg-deb. They are kept in a cache outside target/ (53 MB, fetched once per machine).
# Where neither works (no apt), the build goes on with a warning: documents then print CJK from the
# reader's STSong-Light and Extension B as the substitute mark 〓, and the application logs it at start.
set -euo pipefail
out=$1
cache=${ONEWINDOW_FONT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/onewindow/fonts}/hanazono
installed=/usr/share/fonts/truetype/hanazono

have() { [ -s "$1/HanaMinA.ttf" ] && [ -s "$1/HanaMinB.ttf" ]; }

if ! have "$cache"; then
  mkdir -p "$cache"
  if have "$installed"; then
    cp "$installed/HanaMinA.ttf" "$installed/HanaMinB.ttf" "$cache/"
    cp /usr/share/doc/fonts-hanazono/copyright "$cache/LICENSE" 2>/dev/null || true
  elif command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    echo "Fetching Debian's fonts-hanazono (HanaMin A/B, ~22 MB) for printed documents …"
    if (cd "$work" && apt-get download -qq fonts-hanazono 2>/dev/null) && dpkg-deb -x "$work"/fonts-hanazono_*.deb "$work/pkg"; then
      cp "$work/pkg/usr/share/fonts/truetype/hanazono/HanaMinA.ttf" "$work/pkg/usr/share/fonts/truetype/hanazono/HanaMinB.ttf" "$cache/"
      cp "$work/pkg/usr/share/doc/fonts-hanazono/copyright" "$cache/LICENSE"
    fi
  fi
fi

if have "$cache"; then
  mkdir -p "$out"
  # -u: copy only when the cache is newer, so an incremental build does not rewrite 53 MB.
  cp -u "$cache"/HanaMinA.ttf "$cache"/HanaMinB.ttf "$out/"
  [ -f "$cache/LICENSE" ] && cp -u "$cache/LICENSE" "$out/"
else
  echo "[WARNING] HanaMin A/B not found and apt-get could not fetch fonts-hanazono: printed documents will show" \
    "CJK Extension B characters as 〓. Install the package (apt-get install fonts-hanazono) and rebuild." >&2
fi
