#!/bin/sh
# System packages the window and the tests need, installed where the machine allows it:
#   fonts-wqy-microhei  CJK font with TrueType outlines (Qt screens and reportlab PDFs)
#   fonts-dejavu-core   DejaVu Sans: the symbols the CJK font lacks on paper (℃ …)
#   poppler-utils       pdftoppm / pdftotext / pdffonts, used by the tests to check printed documents
#   zbar-tools          zbarimg: the tests decode the barcodes on rendered pages
#   libreoffice-calc-nogui  the tests open every exported workbook with LibreOffice (headless)
#   xvfb xdotool        a real X server and a mouse for the test of one real drag and drop
#   libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
#   libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
#                       Qt 6 runtime libraries (offscreen and X11)
set -eu
PACKAGES="fonts-wqy-microhei fonts-dejavu-core poppler-utils zbar-tools libreoffice-calc-nogui libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 \
libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 xvfb xdotool"

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "install-system-deps: not a Debian/Ubuntu system; install a CJK TrueType font, poppler and Qt 6's runtime libraries yourself." >&2
    exit 0
fi
missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "install-system-deps: installing$missing"
if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "install-system-deps: not root and no sudo; please run: apt-get install$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
