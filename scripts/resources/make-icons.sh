#!/bin/sh
# Renders resources/icon.svg (the brand mark) and resources/tray.svg into every icon the platforms ask for:
#   resources/icons/NxN.png   16…1024 (Linux picks from this folder; electron-builder's linux.icon)
#   resources/icon.png        1024×1024 (the source electron-builder and the dock use)
#   resources/icon.ico        16, 24, 32, 48, 64, 128, 256 (Windows, NSIS)
#   resources/icon.icns       16…1024 (macOS, dmg)
#   resources/tray/           trayTemplate.png + @2x (macOS, black on transparent), tray.png + @2x
# Needs rsvg-convert, ImageMagick and png2icns: apt-get install librsvg2-bin imagemagick icnsutils.
# The outputs are committed; run this only after changing an SVG.
set -eu
cd "$(dirname "$0")/../../resources"
CONVERT=/usr/bin/convert
[ -x "$CONVERT" ] || CONVERT=convert

for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" icon.svg -o "icons/${size}x${size}.png"
done
cp icons/1024x1024.png icon.png
"$CONVERT" icons/16x16.png icons/24x24.png icons/32x32.png icons/48x48.png icons/64x64.png \
  icons/128x128.png icons/256x256.png icon.ico
png2icns icon.icns icons/16x16.png icons/32x32.png icons/48x48.png icons/128x128.png \
  icons/256x256.png icons/512x512.png icons/1024x1024.png >/dev/null

rsvg-convert -w 16 -h 16 tray.svg -o tray/trayTemplate.png
rsvg-convert -w 32 -h 32 tray.svg -o tray/trayTemplate@2x.png
# Windows and Linux: the app icon itself, small.
rsvg-convert -w 16 -h 16 icon.svg -o tray/tray.png
rsvg-convert -w 32 -h 32 icon.svg -o tray/tray@2x.png
echo "icons written under $(pwd)"
