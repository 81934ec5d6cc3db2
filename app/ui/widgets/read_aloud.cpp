#include "ui/widgets/read_aloud.h"

#include "ui/theme.h"
#include "ui/ui_strings.h"
#include "ui/widgets/button.h"

#include <algorithm>

namespace kiosk::ui
{
namespace
{
ButtonSpec SpecFor(const UiContext& ctx, const core::SpeechTarget& target)
{
    const std::string key = target.Key();
    const bool reading = ctx.speech->Reading(key);
    return ButtonSpec{"read-aloud:" + key, Tr(ctx, reading ? "speech.stop" : "speech.read_aloud"),
                      reading ? Icon::Stop : Icon::Speaker, reading ? ButtonKind::Selected : ButtonKind::Secondary,
                      nullptr};
}
} // namespace

bool SpeechAvailable(const UiContext& ctx)
{
    return ctx.speech && ctx.speech->available;
}

float ReadAloudWidth(const UiContext& ctx, const core::SpeechTarget& target)
{
    return SpeechAvailable(ctx) ? ButtonWidth(ctx, SpecFor(ctx, target)) : 0.0f;
}

core::VisitAction ReadAloudButton(const UiContext& ctx, ImVec2 at, const core::SpeechTarget& target, float width)
{
    if (!SpeechAvailable(ctx))
        return {};
    const ButtonSpec spec = SpecFor(ctx, target);
    const float w = width > 0.0f ? width : ButtonWidth(ctx, spec);
    if (!TouchButton(ctx, at, ImVec2(at.x + w, at.y + ctx.metrics.touch_min), spec))
        return {};
    if (ctx.speech->Reading(target.Key()))
        return core::StopReading{};
    return core::ReadAloud{target};
}

void ReadingMark(const UiContext& ctx, const std::string& key, const char* block, ImVec2 min, ImVec2 max)
{
    if (!SpeechAvailable(ctx) || !ctx.speech->Reading(key, block))
        return;
    const float em = ctx.metrics.em;
    const float w = std::max(4.0f, 0.3f * em);
    const float x = min.x - 0.35f * em - w;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, min.y), ImVec2(x + w, max.y), ctx.palette->accent, 0.5f * w);
}
} // namespace kiosk::ui
