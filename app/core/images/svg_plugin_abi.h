// The C ABI between the kiosk and its SVG module, careers-kiosk-svg.so (app/plugins/svg_plugin.cpp),
// which links librsvg so that the executable does not (core/plugins/plugin_module.h says why).
// Plain C types only, no allocation across the boundary: the caller owns every buffer.
//
// The module exports one function, careers_kiosk_svg_plugin_v1, returning a table whose `abi` is
// KIOSK_SVG_PLUGIN_ABI and whose `size` is sizeof(KioskSvgPlugin) as the module was built; the
// kiosk refuses a table that differs in either (a module from another build). Change the ABI
// number, and the symbol's suffix, whenever the table changes.
//
// Thread-safety: as librsvg's, each document on one thread at a time; several documents may be
// parsed and rendered on several threads at once.
#pragma once
#include <stddef.h>

#define KIOSK_SVG_PLUGIN_ABI 1u
#define KIOSK_SVG_PLUGIN_FILE "careers-kiosk-svg.so"
#define KIOSK_SVG_PLUGIN_SYMBOL "careers_kiosk_svg_plugin_v1"

extern "C"
{
    struct KioskSvgPlugin
    {
        unsigned abi;  // KIOSK_SVG_PLUGIN_ABI
        unsigned size; // sizeof(KioskSvgPlugin)
        // Parses an SVG held in memory (no base file: it cannot reach other files), at 96 dpi.
        // Returns the document, with its intrinsic size in pixels (or its viewBox's size; 0 x 0
        // when it has neither), or null with librsvg's reason in `error` (NUL-terminated, cut to
        // `error_size`).
        void* (*open)(const unsigned char* data, size_t size, double* width, double* height, char* error,
                      size_t error_size);
        // Renders the document's viewport (x, y, w, h, in output pixels) into `argb`: out_w x out_h
        // pixels of cairo's ARGB32 (premultiplied, one native-endian 32-bit word per pixel, rows of
        // out_w * 4 bytes), cleared to 0 by the caller. 1 on success, else 0 with the reason.
        int (*render)(void* document, unsigned char* argb, int out_w, int out_h, double x, double y, double w, double h,
                      char* error, size_t error_size);
        // Frees a document from `open` (null is allowed).
        void (*close)(void* document);
    };

    typedef const KioskSvgPlugin* (*KioskSvgPluginEntry)(void);
}
