// The Content, Export statistics and Hold tabs of the admin panel: status lines, one large
// button each (or one per export folder) and the result of the last try.
#include "ui/admin/admin_parts.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets/text.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui::admin
{
namespace
{
float Paragraph(const UiContext& ctx, ImFont* font, ImU32 color, float x0, float x1, float y, const std::string& text)
{
    return DrawText(font, ImVec2(x0, y), color, text, x1 - x0) + 0.4f * ctx.metrics.em;
}

// A result line after an action: the danger colour and bold when it failed.
float Result(const UiContext& ctx, float x0, float x1, float y, const std::string& text, bool failed)
{
    if (text.empty())
        return 0.0f;
    const Palette& p = *ctx.palette;
    return Paragraph(ctx, failed ? ctx.fonts->body_bold : ctx.fonts->body, failed ? DangerColor(p) : p.text, x0, x1, y,
                     text);
}

std::string Plural(std::size_t n, const char* one, const char* many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}
} // namespace

float DrawContentTab(const UiContext& ctx, const core::AdminModel& model, float x0, float x1, float top, Out& out)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    float y = top;
    y += Paragraph(ctx, ctx.fonts->heading, p.text, x0, x1, y, "Content");
    std::string status = "No content is loaded: visitors see the fault screen.";
    if (model.pack_loaded && ctx.pack)
        status = "Content loaded: " + Plural(ctx.pack->roles.size(), "role", "roles") + ", " +
                 Plural(ctx.pack->photos.size(), "photograph", "photographs") + ", " +
                 Plural(ctx.pack->attract.size(), "attract slide", "attract slides") + ".";
    y += Paragraph(ctx, ctx.fonts->body_bold, p.text, x0, x1, y, status);
    if (!model.content_folder.empty())
        y += Paragraph(ctx, ctx.fonts->body, p.text_muted, x0, x1, y, "Folder: " + model.content_folder);
    y += 0.4f * m.em;
    const std::string reload = "Reload content";
    const float w = ButtonWidth(ctx, reload);
    if (Button(ctx, "admin:reload", reload, ImVec2(x0, y), ImVec2(x0 + w, y + m.touch_min), ButtonStyle::Primary))
        out.Add(core::AdminReloadContent{});
    y += m.touch_min + 0.6f * m.em;
    y += Paragraph(ctx, ctx.fonts->body, p.text_muted, x0, x1, y,
                   "The folder is checked first. If anything is wrong, the current content stays on screen.");
    y += Result(ctx, x0, x1, y, model.reload_message, model.reload_failed);

    // Errors first, then warnings, each where it is.
    const auto& d = model.diagnostics;
    y += 0.6f * m.em;
    y += Paragraph(ctx, ctx.fonts->heading, p.text, x0, x1, y,
                   "Problems: " + Plural(static_cast<std::size_t>(d.ErrorCount()), "error", "errors") + ", " +
                       Plural(static_cast<std::size_t>(d.WarningCount()), "warning", "warnings"));
    for (kiosk::core::Severity severity : {kiosk::core::Severity::Error, kiosk::core::Severity::Warning})
        for (const auto& item : d.items)
            if (item.severity == severity)
                y += Paragraph(ctx, severity == kiosk::core::Severity::Error ? ctx.fonts->body_bold : ctx.fonts->body,
                               severity == kiosk::core::Severity::Error ? DangerColor(p) : p.text, x0, x1, y,
                               kiosk::core::FormatDiagnostic(item));
    return y - top;
}

float DrawExportTab(const UiContext& ctx, const core::AdminModel& model, float x0, float x1, float top, Out& out)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    const auto& s = model.stats_status;
    float y = top;
    y += Paragraph(ctx, ctx.fonts->heading, p.text, x0, x1, y, "Statistics database");
    const std::string state =
        s.database_ok ? "Working."
                      : "Not working: " + (s.last_error.empty() ? std::string("no database is open.") : s.last_error);
    y += Paragraph(ctx, ctx.fonts->body_bold, s.database_ok ? p.text : DangerColor(p), x0, x1, y, state);
    std::string counts = FormatCount(s.committed_seq) + " events saved";
    if (s.dropped > 0)
        counts += ", " + FormatCount(s.dropped) + " lost";
    if (s.moved_aside > 0)
        counts += "; " + std::to_string(s.moved_aside) + " broken database moved aside";
    y += Paragraph(ctx, ctx.fonts->body, p.text, x0, x1, y, counts + ".");
    if (!s.path.empty())
        y += Paragraph(ctx, ctx.fonts->body, p.text_muted, x0, x1, y, "File: " + s.path);

    y += 0.6f * m.em;
    y += Paragraph(ctx, ctx.fonts->heading, p.text, x0, x1, y, "Copy the statistics to");
    if (model.export_targets.empty())
        y += Paragraph(ctx, ctx.fonts->body, p.text, x0, x1, y,
                       "No USB stick found. Plug one in and it appears here within a few seconds.");
    for (std::size_t i = 0; i < model.export_targets.size(); ++i)
    {
        const auto& t = model.export_targets[i];
        const std::string label = t.label.empty() ? t.path : t.label + "  (" + t.path + ")";
        const float w = std::min(x1 - x0, ButtonWidth(ctx, label));
        if (Button(ctx, "admin:export:" + std::to_string(i), label, ImVec2(x0, y), ImVec2(x0 + w, y + m.touch_min),
                   ButtonStyle::Primary))
            out.Add(core::AdminExportStats{t.path});
        y += m.touch_min + 0.6f * m.gap;
    }
    y += 0.4f * m.em;
    y += Result(ctx, x0, x1, y, model.export_message, model.export_failed);
    return y - top;
}

float DrawHoldTab(const UiContext& ctx, const core::AdminModel& model, float x0, float x1, float top, Out& out)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    float y = top;
    y += Paragraph(ctx, ctx.fonts->heading, p.text, x0, x1, y, "Hold");
    y += Paragraph(ctx, ctx.fonts->body, p.text, x0, x1, y,
                   "A hold stops the kiosk going back to the start while you talk a visitor through it. It ends by "
                   "itself after " +
                       FormatDuration(model.hold_max_s) + ".");
    const std::string state =
        model.hold_active ? "Hold is on: " + FormatDuration(model.hold_seconds_left) + " left." : "No hold.";
    y += Paragraph(ctx, ctx.fonts->title, model.hold_active ? p.accent : p.text, x0, x1, y, state);
    y += 0.4f * m.em;
    const std::string label = model.hold_active ? "End the hold" : "Start a hold";
    const float w = ButtonWidth(ctx, label);
    if (Button(ctx, "admin:hold", label, ImVec2(x0, y), ImVec2(x0 + w, y + m.touch_min),
               model.hold_active ? ButtonStyle::Secondary : ButtonStyle::Primary))
    {
        if (model.hold_active)
            out.Add(core::AdminEndHold{});
        else
            out.Add(core::AdminStartHold{});
    }
    y += m.touch_min;
    return y - top;
}
} // namespace kiosk::ui::admin
