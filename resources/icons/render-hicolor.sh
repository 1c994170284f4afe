#!/bin/sh
# Renders resources/icons/bankid-desk.svg into the hicolor PNG sizes the package installs
# (resources/icons/hicolor/<N>x<N>/apps/bankid-desk.png). Run it by hand after changing the SVG and commit the
# PNGs: the build does not render them, so a build machine needs no SVG renderer.
#
# Renderer: librsvg through gdk-pixbuf-thumbnailer (packages librsvg2-common, libgdk-pixbuf2.0-bin).
# ImageMagick's built-in SVG reader is not used: it draws a black outline around every shape of this icon.
# The PNGs are then stripped of metadata (ImageMagick) so a re-render of an unchanged SVG gives the same bytes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
svg="$here/bankid-desk.svg"
for size in 16 22 24 32 48 64 128 256; do
    dir="$here/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    gdk-pixbuf-thumbnailer -s "$size" "$svg" "$dir/bankid-desk.png.tmp"
    /usr/bin/convert "$dir/bankid-desk.png.tmp" -strip -define png:exclude-chunks=date,time "PNG32:$dir/bankid-desk.png"
    rm -f "$dir/bankid-desk.png.tmp"
done
