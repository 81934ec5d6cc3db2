// careers-kiosk-svg.so: librsvg and cairo behind the small table of core/images/svg_plugin_abi.h.
// Built as a module of its own and opened with dlopen on the first SVG that is not in the
// illustration cache (core/images/image_decode.cpp), so librsvg's ~45 libraries (cairo, pango,
// GLib, libxml2 ...) are neither loaded before the kiosk's first frame nor in its global scope.
#include "core/images/svg_plugin_abi.h"

#include <cairo.h>
#include <cstdio>
#include <librsvg/rsvg.h>

namespace
{
void Say(char* out, size_t size, const char* prefix, const GError* gerror)
{
    if (out && size > 0)
        std::snprintf(out, size, "%s%s", prefix, gerror && gerror->message ? gerror->message : "");
}

void* Open(const unsigned char* data, size_t size, double* width, double* height, char* error, size_t error_size)
{
    GError* gerror = nullptr;
    RsvgHandle* handle = rsvg_handle_new_from_data(data, size, &gerror);
    if (!handle)
    {
        Say(error, error_size, gerror ? "" : "cannot parse it", gerror);
        if (gerror)
            g_error_free(gerror);
        return nullptr;
    }
    rsvg_handle_set_dpi(handle, 96.0);
    double w = 0.0, h = 0.0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(handle, &w, &h))
    {
        gboolean has_viewbox = FALSE;
        RsvgRectangle viewbox{};
        rsvg_handle_get_intrinsic_dimensions(handle, nullptr, nullptr, nullptr, nullptr, &has_viewbox, &viewbox);
        w = has_viewbox ? viewbox.width : 0.0;
        h = has_viewbox ? viewbox.height : 0.0;
    }
    *width = w;
    *height = h;
    return handle;
}

int Render(void* document, unsigned char* argb, int out_w, int out_h, double x, double y, double w, double h,
           char* error, size_t error_size)
{
    if (cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, out_w) != out_w * 4)
    {
        Say(error, error_size, "unexpected cairo stride", nullptr);
        return 0;
    }
    cairo_surface_t* surface = cairo_image_surface_create_for_data(argb, CAIRO_FORMAT_ARGB32, out_w, out_h, out_w * 4);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
    {
        cairo_surface_destroy(surface);
        Say(error, error_size, "not enough memory", nullptr);
        return 0;
    }
    cairo_t* cr = cairo_create(surface);
    const RsvgRectangle viewport{x, y, w, h};
    GError* gerror = nullptr;
    const gboolean ok = rsvg_handle_render_document(static_cast<RsvgHandle*>(document), cr, &viewport, &gerror);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    cairo_surface_destroy(surface);
    if (!ok)
    {
        Say(error, error_size, gerror ? "" : "unknown error", gerror);
        if (gerror)
            g_error_free(gerror);
        return 0;
    }
    return 1;
}

void Close(void* document)
{
    if (document)
        g_object_unref(document);
}

const KioskSvgPlugin kTable = {KIOSK_SVG_PLUGIN_ABI, sizeof(KioskSvgPlugin), &Open, &Render, &Close};
} // namespace

extern "C" __attribute__((visibility("default"))) const KioskSvgPlugin* careers_kiosk_svg_plugin_v1(void)
{
    return &kTable;
}
