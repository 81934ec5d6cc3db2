// The Content, Export statistics and Hold tabs of the admin panel: status lines, one large
// button each (or one per export folder) and the result of the last try.
#include "ui/admin/admin_parts.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets/text.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <utility>

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

// `key`'s text with each {name} replaced by its number.
std::string Counts(const UiContext& ctx, const char* key, std::initializer_list<std::pair<const char*, std::size_t>> n)
{
    std::string text = Tr(ctx, key);
    for (const auto& [name, value] : n)
        text = Format(text, name, FormatCount(static_cast<std::int64_t>(value)));
    return text;
}
} // namespace

float DrawContentTab(const UiContext& ctx, const core::AdminModel& model, float x0, float x1, float top, Out& out)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    float y = top;
    y += Paragraph(ctx, ctx.fonts->heading, p.text, x0, x1, y, Tr(ctx, "admin.tab.content"));
    std::string status = Tr(ctx, "admin.content.none");
    if (model.pack_loaded && ctx.pack)
        status = Counts(ctx, "admin.content.loaded",
                        {{"roles", ctx.pack->roles.size()},
                         {"photos", ctx.pack->photos.size()},
                         {"slides", ctx.pack->attract.size()}});
    y += Paragraph(ctx, ctx.fonts->body_bold, p.text, x0, x1, y, status);
    if (!model.content_folder.empty())
        y += Paragraph(ctx, ctx.fonts->body, p.text_muted, x0, x1, y,
                       Format(Tr(ctx, "admin.content.folder"), "path", model.content_folder));
    y += 0.4f * m.em;
    const std::string reload = Tr(ctx, "admin.content.reload");
    const float w = ButtonWidth(ctx, reload);
    if (Button(ctx, "admin:reload", reload, ImVec2(x0, y), ImVec2(x0 + w, y + m.touch_min), ButtonStyle::Primary))
        out.Add(core::AdminReloadContent{});
    y += m.touch_min + 0.6f * m.em;
    y += Paragraph(ctx, ctx.fonts->body, p.text_muted, x0, x1, y, Tr(ctx, "admin.content.reload_note"));
    y += Result(ctx, x0, x1, y, Say(ctx, model.reload_message), model.reload_failed);

    // Errors first, then warnings, each where it is (the validator's words are English: they are
    // for whoever edits the files, and name fields and files in English).
    const auto& d = model.diagnostics;
    y += 0.6f * m.em;
    y += Paragraph(ctx, ctx.fonts->heading, p.text, x0, x1, y,
                   Counts(ctx, "admin.content.problems",
                          {{"errors", static_cast<std::size_t>(d.ErrorCount())},
                           {"warnings", static_cast<std::size_t>(d.WarningCount())}}));
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
    y += Paragraph(ctx, ctx.fonts->heading, p.text, x0, x1, y, Tr(ctx, "admin.export.database"));
    const std::string state = s.database_ok ? Tr(ctx, "admin.export.working")
                              : s.last_error.empty()
                                  ? Tr(ctx, "admin.export.no_database")
                                  : Format(Tr(ctx, "admin.export.not_working"), "error", s.last_error);
    y += Paragraph(ctx, ctx.fonts->body_bold, s.database_ok ? p.text : DangerColor(p), x0, x1, y, state);
    std::string counts = Format(Tr(ctx, "admin.export.saved"), "n", FormatCount(s.committed_seq));
    if (s.dropped > 0)
        counts += " " + Format(Tr(ctx, "admin.export.lost"), "n", FormatCount(s.dropped));
    if (s.moved_aside > 0)
        counts += " " + Format(Tr(ctx, "admin.export.moved_aside"), "n", std::to_string(s.moved_aside));
    y += Paragraph(ctx, ctx.fonts->body, p.text, x0, x1, y, counts);
    if (!s.path.empty())
        y += Paragraph(ctx, ctx.fonts->body, p.text_muted, x0, x1, y,
                       Format(Tr(ctx, "admin.export.file"), "path", s.path));

    y += 0.6f * m.em;
    y += Paragraph(ctx, ctx.fonts->heading, p.text, x0, x1, y, Tr(ctx, "admin.export.copy_to"));
    if (model.export_targets.empty())
        y += Paragraph(ctx, ctx.fonts->body, p.text, x0, x1, y, Tr(ctx, "admin.export.no_usb"));
    for (std::size_t i = 0; i < model.export_targets.size(); ++i)
    {
        const auto& t = model.export_targets[i];
        const std::string where =
            t.stick.empty() ? Tr(ctx, "admin.export.home") : Format(Tr(ctx, "admin.export.usb"), "name", t.stick);
        const std::string label = where + "  (" + t.path + ")";
        const float w = std::min(x1 - x0, ButtonWidth(ctx, label));
        if (Button(ctx, "admin:export:" + std::to_string(i), label, ImVec2(x0, y), ImVec2(x0 + w, y + m.touch_min),
                   ButtonStyle::Primary))
            out.Add(core::AdminExportStats{t.path});
        y += m.touch_min + 0.6f * m.gap;
    }
    y += 0.4f * m.em;
    y += Result(ctx, x0, x1, y, Say(ctx, model.export_message), model.export_failed);
    return y - top;
}

float DrawHoldTab(const UiContext& ctx, const core::AdminModel& model, float x0, float x1, float top, Out& out)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    float y = top;
    y += Paragraph(ctx, ctx.fonts->heading, p.text, x0, x1, y, Tr(ctx, "admin.tab.hold"));
    y += Paragraph(ctx, ctx.fonts->body, p.text, x0, x1, y,
                   Format(Tr(ctx, "admin.hold.about"), "time", FormatDuration(ctx, model.hold_max_s)));
    const std::string state =
        model.hold_active ? Format(Tr(ctx, "admin.hold.on"), "time", FormatDuration(ctx, model.hold_seconds_left))
                          : Tr(ctx, "admin.hold.off");
    y += Paragraph(ctx, ctx.fonts->title, model.hold_active ? p.accent : p.text, x0, x1, y, state);
    y += 0.4f * m.em;
    const std::string label = Tr(ctx, model.hold_active ? "admin.hold.end" : "admin.hold.start");
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
