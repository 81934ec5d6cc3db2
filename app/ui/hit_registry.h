// Every tappable widget records its id and visible rectangle here while it is drawn, so tests
// (and the e2e screenshot tool) can find "role-card:clinical-engineer" or "nav:back" and tap
// its centre. Always on: one small vector per frame, cleared by DrawUi at the start of a frame.
//
// Id scheme: "nav:back", "nav:home", "lang:<code>", "toggle:larger-text",
// "toggle:high-contrast", "toggle:read-aloud" (bottom bar), "home:pathway", "home:gallery", "role-card:<role id>",
// "role:route:<n>", "role:photo:<n>", "role:specialism:<role id>", "gallery:next",
// "gallery:prev", "gallery:photo", "fault:reload", "role:pathway" (How do I get here?),
// "pathway:canvas", "pathway:start:<start id>", "pathway:node:<node id>", "pathway:zoom-in",
// "pathway:zoom-out", "pathway:fit", "pathway:sheet-close", "pathway:sheet-role:<role id>",
// "pathway:sheet-next:<node id>", "attract:screen", "idle:still-there", and the admin ids listed
// in admin_screen.h.
#pragma once
#include <string>
#include <vector>

namespace kiosk::ui
{
struct HitArea
{
    std::string id;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;                     // visible part only (clipped to its scroll view)
    float full_x0 = 0, full_y0 = 0, full_x1 = 0, full_y1 = 0; // the whole target, clipped or not
    float clip_x0 = 0, clip_y0 = 0, clip_x1 = 0, clip_y1 = 0; // the clip rect (scroll view) it was drawn in
    int order = 0;                                            // drawing order, visible and hidden alike

    float CenterX() const { return 0.5f * (x0 + x1); }
    float CenterY() const { return 0.5f * (y0 + y1); }
    float Width() const { return x1 - x0; }
    float Height() const { return y1 - y0; }
};

// A scrolling part of the screen as drawn this frame (recorded by UpdateDragScroll), so a preview
// can show the whole of what scrolls (--screenshot --full-page).
struct ScrollViewArea
{
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0; // the view on screen
    float content_h = 0;                  // the whole content's height
    float offset = 0;                     // pixels scrolled from the top, after this frame's clamp
};

class HitRegistry
{
public:
    void Clear()
    {
        m_areas.clear();
        m_hidden.clear();
        m_next_order = 0;
        drawn_text.clear();
        scroll_views.clear();
    }
    // Empty (fully clipped) rectangles are not recorded: nothing there can be tapped.
    void Add(std::string id, float x0, float y0, float x1, float y1);
    void Add(HitArea area);
    const HitArea* Find(const std::string& id) const;
    // Every area whose id starts with `prefix`, in drawing order.
    std::vector<HitArea> WithPrefix(const std::string& prefix) const;
    const std::vector<HitArea>& Areas() const { return m_areas; }
    // Targets drawn this frame entirely outside their scroll view's visible part (nothing to tap
    // there now): keypad focus can still move to them and scroll them into view.
    void AddHidden(HitArea area);
    const std::vector<HitArea>& Hidden() const { return m_hidden; }

    // Optional record of every string drawn this frame (tests assert on what the visitor
    // would read). Off by default; DrawUi routes the text widgets here while it is on.
    bool capture_text = false;
    std::vector<std::string> drawn_text;
    bool Drew(const std::string& needle) const; // some drawn string contains `needle`

    std::vector<ScrollViewArea> scroll_views; // in drawing order

private:
    std::vector<HitArea> m_areas;
    std::vector<HitArea> m_hidden;
    int m_next_order = 0;
};
} // namespace kiosk::ui
