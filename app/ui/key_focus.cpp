#include "ui/key_focus.h"

#include <algorithm>
#include <cmath>
#include <imgui.h>
#include <limits>
#include <utility>

namespace kiosk::ui
{
namespace
{
float Cx(const HitArea& a)
{
    return 0.5f * (a.full_x0 + a.full_x1);
}

float Cy(const HitArea& a)
{
    return 0.5f * (a.full_y0 + a.full_y1);
}

// A target that covers the whole screen: the scrim of a card or an overlay.
bool IsScrim(const HitArea& a, const Metrics& m)
{
    return a.x0 <= 1.0f && a.y0 <= 1.0f && a.x1 >= m.screen_w - 1.0f && a.y1 >= m.screen_h - 1.0f;
}

// A target with another target's centre inside it is a surface others sit on (the flowchart's
// canvas): tapping it is not a choice, so focus skips it.
bool IsContainer(const HitArea& a, const std::vector<HitArea>& all)
{
    // By visible parts: a card scrolled under a bar does not contain the bar's buttons.
    if (a.x1 <= a.x0)
        return false;
    for (const HitArea& b : all)
    {
        if (&a == &b || b.x1 <= b.x0)
            continue;
        const float bx = 0.5f * (b.x0 + b.x1), by = 0.5f * (b.y0 + b.y1);
        if (bx > a.x0 && bx < a.x1 && by > a.y0 && by < a.y1 &&
            (b.x1 - b.x0) * (b.y1 - b.y0) < (a.x1 - a.x0) * (a.y1 - a.y0))
            return true;
    }
    return false;
}

// The always-present controls, by the hit registry's id scheme (hit_registry.h).
bool IsChrome(const std::string& id)
{
    return id.rfind("nav:", 0) == 0 || id.rfind("lang:", 0) == 0 || id.rfind("toggle:", 0) == 0;
}

const HitArea* FindIn(const std::vector<HitArea>& targets, const std::string& id)
{
    for (const HitArea& a : targets)
        if (a.id == id)
            return &a;
    return nullptr;
}

// How far `b` lies from `a` in one direction (dir_x, dir_y: one of them +-1): the gap along
// the direction plus twice the sideways gap, so targets in line win; infinity when b is not
// that way at all.
float DirectionalScore(const HitArea& a, const HitArea& b, int dir_x, int dir_y)
{
    const float inf = std::numeric_limits<float>::infinity();
    if (dir_y != 0)
    {
        const float along = dir_y > 0 ? b.full_y0 - a.full_y1 : a.full_y0 - b.full_y1;
        const bool beyond =
            dir_y > 0 ? Cy(b) > Cy(a) + 1.0f && b.full_y1 > a.full_y1 : Cy(b) < Cy(a) - 1.0f && b.full_y0 < a.full_y0;
        if (!beyond)
            return inf;
        const float side = std::max(0.0f, std::max(b.full_x0 - a.full_x1, a.full_x0 - b.full_x1));
        return std::max(0.0f, along) + 2.0f * side + 0.1f * std::fabs(Cx(b) - Cx(a));
    }
    const float along = dir_x > 0 ? b.full_x0 - a.full_x1 : a.full_x0 - b.full_x1;
    const bool beyond =
        dir_x > 0 ? Cx(b) > Cx(a) + 1.0f && b.full_x1 > a.full_x1 : Cx(b) < Cx(a) - 1.0f && b.full_x0 < a.full_x0;
    if (!beyond)
        return inf;
    const float side = std::max(0.0f, std::max(b.full_y0 - a.full_y1, a.full_y0 - b.full_y1));
    // Sideways steps stay in their row: a target in another row counts much further away.
    return std::max(0.0f, along) + 4.0f * side + 0.1f * std::fabs(Cy(b) - Cy(a));
}

std::string StepInReadingOrder(const std::vector<HitArea>& targets, const std::string& from, int step, bool wrap)
{
    const std::vector<HitArea> order = ReadingOrder(targets);
    if (order.empty())
        return from;
    int i = 0;
    while (i < (int)order.size() && order[(size_t)i].id != from)
        ++i;
    if (i == (int)order.size())
        return FirstContentTarget(targets);
    int j = i + step;
    if (j < 0 || j >= (int)order.size())
    {
        if (!wrap)
            return from;
        j = (j + (int)order.size()) % (int)order.size();
    }
    return order[(size_t)j].id;
}
} // namespace

std::vector<HitArea> FocusTargets(const HitRegistry& hits, const Metrics& metrics)
{
    std::vector<HitArea> all = hits.Areas();
    all.insert(all.end(), hits.Hidden().begin(), hits.Hidden().end());
    std::sort(all.begin(), all.end(), [](const HitArea& a, const HitArea& b) { return a.order < b.order; });
    // Only what lies on the last scrim can be focused (it takes every tap below it).
    size_t first = 0;
    for (size_t i = 0; i < all.size(); ++i)
        if (IsScrim(all[i], metrics))
            first = i;
    if (first > 0 || (!all.empty() && IsScrim(all[0], metrics)))
    {
        all.erase(all.begin(), all.begin() + (long)first);
        if (all.size() > 1)
            all.erase(all.begin()); // the scrim itself only when nothing lies on it
    }
    std::vector<HitArea> out;
    for (const HitArea& a : all)
        if (!IsContainer(a, all))
            out.push_back(a);
    return out;
}

namespace
{
// Rows top to bottom (a row is the items whose centres lie within half the first one's height
// of its centre), left to right within a row. `rect` gives an item's rectangle.
template <typename T, typename Rect> std::vector<T> Rows(std::vector<T> items, Rect rect)
{
    auto cy = [&](const T& t) { return 0.5f * (rect(t).y + rect(t).w); };
    auto cx = [&](const T& t) { return 0.5f * (rect(t).x + rect(t).z); };
    std::stable_sort(items.begin(), items.end(), [&](const T& a, const T& b) { return cy(a) < cy(b); });
    std::vector<T> out;
    size_t row_start = 0;
    while (row_start < items.size())
    {
        const ImVec4 first = rect(items[row_start]);
        const float limit = cy(items[row_start]) + 0.5f * (first.w - first.y);
        size_t row_end = row_start + 1;
        while (row_end < items.size() && cy(items[row_end]) <= limit)
            ++row_end;
        std::stable_sort(items.begin() + (long)row_start, items.begin() + (long)row_end,
                         [&](const T& a, const T& b) { return cx(a) < cx(b); });
        out.insert(out.end(), items.begin() + (long)row_start, items.begin() + (long)row_end);
        row_start = row_end;
    }
    return out;
}

ImVec4 ClipOf(const HitArea& a)
{
    return ImVec4(a.clip_x0, a.clip_y0, a.clip_x1, a.clip_y1);
}

bool SameClip(const HitArea& a, const HitArea& b)
{
    return std::fabs(a.clip_x0 - b.clip_x0) < 0.5f && std::fabs(a.clip_y0 - b.clip_y0) < 0.5f &&
           std::fabs(a.clip_x1 - b.clip_x1) < 0.5f && std::fabs(a.clip_y1 - b.clip_y1) < 0.5f;
}
} // namespace

std::vector<HitArea> ReadingOrder(std::vector<HitArea> targets)
{
    // A scroll view's targets keep their order however far it is scrolled: the view takes its
    // place among the screen's other targets as one block (at the view's rectangle), and inside
    // it its targets follow in rows by where they lie in the content. The targets drawn straight
    // on the screen (the largest clip rect: the window's) are placed one by one.
    struct Item
    {
        ImVec4 rect;
        std::vector<HitArea> members; // one target, or a scroll view's
    };
    const HitArea* window = nullptr;
    for (const HitArea& a : targets)
        if (!window || (a.clip_x1 - a.clip_x0) * (a.clip_y1 - a.clip_y0) >
                           (window->clip_x1 - window->clip_x0) * (window->clip_y1 - window->clip_y0))
            window = &a;
    std::vector<Item> items;
    for (const HitArea& a : targets)
    {
        if (window && !SameClip(a, *window))
        {
            auto it = std::find_if(items.begin(), items.end(),
                                   [&](const Item& item) {
                                       return item.members.size() > 0 && !SameClip(item.members[0], *window) &&
                                              SameClip(item.members[0], a);
                                   });
            if (it != items.end())
            {
                it->members.push_back(a);
                continue;
            }
            items.push_back(Item{ClipOf(a), {a}});
            continue;
        }
        items.push_back(Item{ImVec4(a.full_x0, a.full_y0, a.full_x1, a.full_y1), {a}});
    }
    std::vector<HitArea> out;
    for (Item& item : Rows(std::move(items), [](const Item& i) { return i.rect; }))
    {
        const std::vector<HitArea> inner = Rows(std::move(item.members), [](const HitArea& a)
                                                { return ImVec4(a.full_x0, a.full_y0, a.full_x1, a.full_y1); });
        out.insert(out.end(), inner.begin(), inner.end());
    }
    return out;
}

std::string FirstContentTarget(const std::vector<HitArea>& targets)
{
    const std::vector<HitArea> order = ReadingOrder(targets);
    for (const HitArea& a : order)
        if (!IsChrome(a.id))
            return a.id;
    return order.empty() ? std::string() : order.front().id;
}

std::string EscapeTarget(const std::vector<HitArea>& targets, const Metrics& metrics)
{
    if (targets.size() == 1 && IsScrim(targets[0], metrics))
        return targets[0].id; // an open card's scrim: tapping it closes the card
    for (const HitArea& a : targets)
        if (a.id.size() >= 5 && a.id.compare(a.id.size() - 5, 5, "close") == 0)
            return a.id;
    if (FindIn(targets, "nav:back"))
        return "nav:back";
    return std::string();
}

std::string MoveFocus(const std::vector<HitArea>& targets, const std::string& from, core::KeyCommand command)
{
    using core::KeyCommand;
    const HitArea* a = FindIn(targets, from);
    if (!a)
        return FirstContentTarget(targets);
    int dx = 0, dy = 0;
    switch (command)
    {
    case KeyCommand::Next:
        return StepInReadingOrder(targets, from, +1, true);
    case KeyCommand::Previous:
        return StepInReadingOrder(targets, from, -1, true);
    case KeyCommand::Up:
        dy = -1;
        break;
    case KeyCommand::Down:
        dy = +1;
        break;
    case KeyCommand::Left:
        dx = -1;
        break;
    case KeyCommand::Right:
        dx = +1;
        break;
    default:
        return from;
    }
    const HitArea* best = nullptr;
    float best_score = std::numeric_limits<float>::infinity();
    for (const HitArea& b : targets)
    {
        if (b.id == from)
            continue;
        const float s = DirectionalScore(*a, b, dx, dy);
        if (s < best_score)
            best_score = s, best = &b;
    }
    if (best)
        return best->id;
    return StepInReadingOrder(targets, from, dx + dy > 0 ? +1 : -1, false);
}

bool HandleKeys(KeyFocus& focus, const std::vector<core::KeyCommand>& new_keys, const HitRegistry& hits,
                const core::VisitState& visit, const Metrics& metrics, bool acting)
{
    std::vector<core::KeyCommand> keys = std::exchange(focus.pending, {});
    keys.insert(keys.end(), new_keys.begin(), new_keys.end());
    if (acting && !keys.empty())
    {
        focus.pending = std::move(keys); // after the action, on the screen it leads to
        return true;
    }
    if (keys.empty() && !focus.visible)
        return false;
    const std::vector<HitArea> targets = FocusTargets(hits, metrics);
    const bool new_screen = focus.screen != (int)visit.screen || focus.depth != visit.history.size();
    focus.screen = (int)visit.screen;
    focus.depth = visit.history.size();
    if (new_screen || !FindIn(targets, focus.id))
    {
        if (new_screen || !focus.has_target)
            focus.id = FirstContentTarget(targets); // a new screen starts on its content, not on Back
        else
        {
            // The same screen redrawn (a language switch renames its button): the nearest target.
            const float cx = 0.5f * (focus.x0 + focus.x1), cy = 0.5f * (focus.y0 + focus.y1);
            float best = std::numeric_limits<float>::infinity();
            for (const HitArea& a : targets)
            {
                const float d = std::hypot(Cx(a) - cx, Cy(a) - cy);
                if (d < best)
                    best = d, focus.id = a.id;
            }
        }
    }
    for (size_t i = 0; i < keys.size(); ++i)
    {
        const core::KeyCommand key = keys[i];
        if (!focus.visible)
        {
            focus.visible = true; // the first key shows where the focus is, and does nothing else
            continue;
        }
        if (key == core::KeyCommand::Activate)
            focus.activate = focus.id;
        else if (key == core::KeyCommand::Back)
            focus.activate = EscapeTarget(targets, metrics);
        else
            focus.id = MoveFocus(targets, focus.id, key);
        if (!focus.activate.empty())
        {
            focus.pending.assign(keys.begin() + (long)i + 1, keys.end()); // once the tap is carried out
            break;
        }
    }
    focus.has_target = false;
    if (const HitArea* a = FindIn(targets, focus.id))
    {
        focus.has_target = true;
        focus.x0 = a->full_x0, focus.y0 = a->full_y0, focus.x1 = a->full_x1, focus.y1 = a->full_y1;
        focus.clip_x0 = a->clip_x0, focus.clip_y0 = a->clip_y0, focus.clip_x1 = a->clip_x1, focus.clip_y1 = a->clip_y1;
    }
    return !keys.empty() || !focus.activate.empty() || !focus.pending.empty();
}

void DrawFocusRing(const KeyFocus& focus, const HitRegistry& hits, const Palette& palette, const Metrics& metrics)
{
    if (!focus.visible || focus.id.empty())
        return;
    const HitArea* a = hits.Find(focus.id);
    if (!a)
        return; // scrolled out of view: it comes into view next frame
    const float em = metrics.em;
    const float line = std::max(2.0f, std::round(0.08f * em));
    const float band = std::max(4.0f, std::round(0.22f * em));
    const float rounding = 0.4f * em;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    // From the target's edge outwards: dark line, thick band, dark line.
    auto ring = [&](float offset, float thickness, ImU32 color)
    {
        const float o = offset + 0.5f * thickness;
        dl->AddRect(ImVec2(a->x0 - o, a->y0 - o), ImVec2(a->x1 + o, a->y1 + o), color, rounding + o, 0, thickness);
    };
    ring(0.0f, line, palette.focus_outline);
    ring(line, band, palette.focus);
    ring(line + band, line, palette.focus_outline);
}
} // namespace kiosk::ui
