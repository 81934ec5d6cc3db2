#include "monkey/monkey_fresh_start.h"

#include <cmath>
#include <sstream>

namespace kiosk::monkey
{
namespace
{
// Collects the first difference between two values, field by field.
struct Diff
{
    std::string first;
    template <typename T> void Field(const char* name, const T& got, const T& fresh)
    {
        if (first.empty() && !(got == fresh))
        {
            std::ostringstream s;
            s << name << " is " << got << ", fresh it is " << fresh;
            first = s.str();
        }
    }
    void Field(const char* name, const std::vector<std::string>& got, const std::vector<std::string>& fresh)
    {
        if (first.empty() && got != fresh)
            first = std::string(name) + " has " + std::to_string(got.size()) + " entries, fresh " +
                    std::to_string(fresh.size());
    }
};

void ComparePathwayFocus(Diff& d, const core::PathwayFocus& g, const core::PathwayFocus& f)
{
    d.Field("pathway.selected", g.selected, f.selected);
    d.Field("pathway.lit_start", g.lit_start, f.lit_start);
    d.Field("pathway.lit_role", g.lit_role, f.lit_role);
    d.Field("pathway.lit_node", g.lit_node, f.lit_node);
}
} // namespace

std::string CompareVisitState(const core::VisitState& g, const core::VisitState& f)
{
    Diff d;
    d.Field("screen", (int)g.screen, (int)f.screen);
    d.Field("role_id", g.role_id, f.role_id);
    d.Field("gallery_index", g.gallery_index, f.gallery_index);
    d.Field("gallery_role", g.gallery_role, f.gallery_role);
    d.Field("pathway_node", g.pathway_node, f.pathway_node);
    ComparePathwayFocus(d, g.pathway, f.pathway);
    d.Field("language", g.language, f.language);
    d.Field("larger_text", g.larger_text, f.larger_text);
    d.Field("high_contrast", g.high_contrast, f.high_contrast);
    d.Field("history size", g.history.size(), f.history.size());
    d.Field("glossary_term", g.glossary_term, f.glossary_term);
    d.Field("quiz.answers", g.quiz.answers, f.quiz.answers);
    d.Field("quiz.route_role", g.quiz.route_role, f.quiz.route_role);
    d.Field("quiz.questions", g.quiz.questions, f.quiz.questions);
    d.Field("read_aloud", g.read_aloud, f.read_aloud);
    return d.first.empty() ? std::string() : "visit state: " + d.first;
}

std::string CompareVisitView(const ui::VisitView& g, const ui::VisitView& f)
{
    Diff d;
    d.Field("scroll_y", g.scroll_y, f.scroll_y);
    d.Field("scroll_velocity", g.scroll_velocity, f.scroll_velocity);
    d.Field("home_scroll_y", g.home_scroll_y, f.home_scroll_y);
    d.Field("home_scroll_velocity", g.home_scroll_velocity, f.home_scroll_velocity);
    d.Field("gallery_slide", g.gallery_slide, f.gallery_slide);
    d.Field("gallery_drag_x", g.gallery_drag_x, f.gallery_drag_x);
    const ui::PathwayCamera &gc = g.pathway, &fc = f.pathway;
    d.Field("pathway.reframe", (int)gc.reframe, (int)fc.reframe);
    d.Field("pathway.reframe_animated", gc.reframe_animated, fc.reframe_animated);
    d.Field("pathway.centre_x", gc.centre_x, fc.centre_x);
    d.Field("pathway.centre_y", gc.centre_y, fc.centre_y);
    d.Field("pathway.zoom", gc.zoom, fc.zoom);
    d.Field("pathway.velocity_x", gc.velocity_x, fc.velocity_x);
    d.Field("pathway.velocity_y", gc.velocity_y, fc.velocity_y);
    d.Field("pathway.anim_progress", gc.anim_progress, fc.anim_progress);
    d.Field("pathway.last_tap_s", gc.last_tap_s, fc.last_tap_s);
    d.Field("pathway.sheet_scroll_y", gc.sheet_scroll_y, fc.sheet_scroll_y);
    d.Field("pathway.sheet_scroll_velocity", gc.sheet_scroll_velocity, fc.sheet_scroll_velocity);
    d.Field("pathway.layout_key_em", gc.layout_key_em, fc.layout_key_em);
    d.Field("pathway.layout_key_direction", gc.layout_key_direction, fc.layout_key_direction);
    d.Field("fault_scroll_y", g.fault_scroll_y, f.fault_scroll_y);
    d.Field("focus.id", g.focus.id, f.focus.id);
    d.Field("focus.visible", g.focus.visible, f.focus.visible);
    d.Field("focus.activate", g.focus.activate, f.focus.activate);
    d.Field("focus.pending size", g.focus.pending.size(), f.focus.pending.size());
    d.Field("focus.screen", g.focus.screen, f.focus.screen);
    d.Field("focus.depth", g.focus.depth, f.focus.depth);
    return d.first.empty() ? std::string() : "ui view: " + d.first;
}

std::string CompareTargets(const std::vector<ui::HitArea>& g, const std::vector<ui::HitArea>& f)
{
    if (g.size() != f.size())
        return "targets: " + std::to_string(g.size()) + " drawn, a fresh kiosk draws " + std::to_string(f.size());
    for (size_t i = 0; i < g.size(); ++i)
    {
        const ui::HitArea &a = g[i], &b = f[i];
        if (a.id != b.id)
            return "targets: #" + std::to_string(i) + " is '" + a.id + "', fresh '" + b.id + "'";
        if (std::fabs(a.x0 - b.x0) > 0.5f || std::fabs(a.y0 - b.y0) > 0.5f || std::fabs(a.x1 - b.x1) > 0.5f ||
            std::fabs(a.y1 - b.y1) > 0.5f)
            return "targets: '" + a.id + "' is at (" + std::to_string(a.x0) + ", " + std::to_string(a.y0) +
                   "), fresh at (" + std::to_string(b.x0) + ", " + std::to_string(b.y0) + ")";
    }
    return {};
}
} // namespace kiosk::monkey
