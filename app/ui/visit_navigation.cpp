#include "ui/visit_navigation.h"

#include <type_traits>

namespace kiosk::ui
{
namespace
{
using kiosk::core::ContentPack;

constexpr size_t kMaxHistory = 32;

const kiosk::core::Role* FindRoleById(const ContentPack& pack, const std::string& id)
{
    for (const auto& role : pack.roles)
        if (role.id == id)
            return &role;
    return nullptr;
}

ScreenState Snapshot(const VisitView& view)
{
    ScreenState s;
    s.screen = view.screen;
    s.role_id = view.role_id;
    s.gallery_index = view.gallery_index;
    s.gallery_role = view.gallery_role;
    s.pathway_node = view.pathway_node;
    s.pathway = view.pathway;
    s.scroll_y = view.screen == ScreenId::Home ? view.home_scroll_y : view.scroll_y;
    return s;
}

void Restore(VisitView& view, const ScreenState& s)
{
    view.screen = s.screen;
    view.role_id = s.role_id;
    view.gallery_index = s.gallery_index;
    view.gallery_role = s.gallery_role;
    view.pathway_node = s.pathway_node;
    view.pathway = s.pathway;
    // The flowchart comes back where the visitor left it, but nothing keeps moving.
    view.pathway.velocity_x = view.pathway.velocity_y = 0.0f;
    view.pathway.sheet_scroll_velocity = 0.0f;
    if (view.pathway.anim_progress < 1.0f)
    {
        view.pathway.centre_x = view.pathway.to_x;
        view.pathway.centre_y = view.pathway.to_y;
        view.pathway.zoom = view.pathway.to_zoom;
        view.pathway.anim_progress = 1.0f;
    }
    if (s.screen == ScreenId::Home)
        view.home_scroll_y = s.scroll_y;
    else
        view.scroll_y = s.scroll_y;
    view.scroll_velocity = 0.0f;
    view.home_scroll_velocity = 0.0f;
    view.gallery_slide = 0.0f;
    view.gallery_drag_x = 0.0f;
}

// Leaves the current screen for a new one, remembering where we were.
void Push(VisitView& view)
{
    // A visitor can walk node to node for ever; keep the most recent steps only.
    if (view.history.size() >= kMaxHistory)
        view.history.erase(view.history.begin());
    view.history.push_back(Snapshot(view));
    view.scroll_y = 0.0f;
    view.scroll_velocity = 0.0f;
    view.home_scroll_velocity = 0.0f;
    view.gallery_slide = 0.0f;
    view.gallery_drag_x = 0.0f;
}

// A start chip: lights its routes and frames them; the lit chip again (or an empty id) clears.
bool ChooseStart(VisitView& view, const ContentPack& pack, const std::string& start_id)
{
    if (view.screen != ScreenId::Pathway)
        return false;
    PathwayView& p = view.pathway;
    bool known = false;
    for (const auto& s : pack.pathway.starts)
        known |= s.id == start_id;
    if (start_id.empty() || start_id == p.lit_start || !known)
    {
        const bool had = !p.lit_start.empty() || !p.lit_role.empty() || !p.lit_node.empty();
        p.lit_start.clear();
        p.lit_role.clear();
        p.lit_node.clear();
        return had;
    }
    p.lit_start = start_id;
    p.lit_role.clear();
    p.lit_node.clear();
    p.selected.clear();
    p.reframe = PathwayFraming::Lit;
    p.reframe_animated = true;
    return true;
}

// A node tap opens its details sheet and brings it into view; an empty id closes the sheet.
bool OpenNode(VisitView& view, const ContentPack& pack, const std::string& node_id)
{
    if (view.screen != ScreenId::Pathway)
        return false;
    PathwayView& p = view.pathway;
    if (node_id.empty())
    {
        if (p.selected.empty())
            return false;
        p.selected.clear();
        return true;
    }
    if (!pack.pathway.FindNode(node_id) || p.selected == node_id)
        return false;
    p.selected = node_id;
    p.sheet_scroll_y = 0.0f;
    p.sheet_scroll_velocity = 0.0f;
    p.reframe = PathwayFraming::Selected;
    p.reframe_animated = true;
    return true;
}

bool StepGallery(VisitView& view, const ContentPack& pack, int step)
{
    if (view.screen != ScreenId::Gallery)
        return false;
    const int count = static_cast<int>(GalleryPhotos(view, pack).size());
    if (count <= 1)
        return false;
    view.gallery_index = WrapIndex(view.gallery_index + step, count);
    // The new photo slides in from the side the finger pushed it from, keeping any live offset.
    // The new photo slides in from the side it was pushed from; a swipe's live offset carries
    // over so the motion continues from where the finger let go.
    view.gallery_slide = (step > 0 ? 1.0f : -1.0f) + view.gallery_drag_x;
    view.gallery_drag_x = 0.0f;
    return true;
}
} // namespace

// The flowchart as an OpenPathway asks for it: a node (an entry route) is selected, centred and
// its routes lit (narrowed to the role the route belongs to); a role alone ("How do I get here?")
// lights and frames every route into it; a start point lights its routes. Unknown ids are
// ignored, so a stale action still opens the whole flowchart.
PathwayView OpenedPathway(const ContentPack& pack, const OpenPathway& a)
{
    PathwayView p;
    const auto& pathway = pack.pathway;
    const bool node_ok = !a.node_id.empty() && pathway.FindNode(a.node_id);
    const bool role_ok = !a.role_id.empty() && FindRoleById(pack, a.role_id);
    bool start_ok = false;
    for (const auto& s : pathway.starts)
        start_ok |= s.id == a.start_id && !a.start_id.empty();
    if (node_ok)
    {
        p.selected = a.node_id;
        p.lit_node = a.node_id;
        p.lit_role = role_ok ? a.role_id : std::string();
        p.reframe = PathwayFraming::Selected;
    }
    else if (start_ok)
    {
        p.lit_start = a.start_id;
        p.reframe = PathwayFraming::Lit;
    }
    else if (role_ok)
    {
        p.lit_role = a.role_id;
        p.reframe = PathwayFraming::Lit;
    }
    return p;
}

int WrapIndex(int index, int count)
{
    if (count <= 0)
        return 0;
    const int r = index % count;
    return r < 0 ? r + count : r;
}

std::vector<const kiosk::core::Photo*> GalleryPhotos(const VisitView& view, const ContentPack& pack)
{
    std::vector<const kiosk::core::Photo*> out;
    if (!view.gallery_role.empty())
    {
        if (const auto* role = FindRoleById(pack, view.gallery_role))
            for (const std::string& id : role->photos)
                for (const auto& photo : pack.photos)
                    if (photo.id == id)
                        out.push_back(&photo);
        return out;
    }
    for (const auto& photo : pack.photos)
        out.push_back(&photo);
    return out;
}

bool ApplyAction(VisitView& view, const UiAction& action, const ContentPack& pack)
{
    return std::visit(
        [&](const auto& a) -> bool
        {
            using A = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<A, OpenRole>)
            {
                if (!FindRoleById(pack, a.role_id))
                    return false;
                if (view.screen == ScreenId::Role && view.role_id == a.role_id)
                    return false;
                Push(view);
                view.screen = ScreenId::Role;
                view.role_id = a.role_id;
                return true;
            }
            else if constexpr (std::is_same_v<A, OpenGallery>)
            {
                VisitView probe;
                probe.gallery_role = a.role_id;
                const int count = static_cast<int>(GalleryPhotos(probe, pack).size());
                if (count == 0)
                    return false;
                Push(view);
                view.screen = ScreenId::Gallery;
                view.gallery_role = a.role_id;
                view.gallery_index = WrapIndex(a.index, count);
                return true;
            }
            else if constexpr (std::is_same_v<A, OpenPathway>)
            {
                Push(view);
                view.screen = ScreenId::Pathway;
                view.pathway_node = a.node_id;
                view.pathway = OpenedPathway(pack, a);
                return true;
            }
            else if constexpr (std::is_same_v<A, PathwayStartChosen>)
                return ChooseStart(view, pack, a.start_id);
            else if constexpr (std::is_same_v<A, PathwayNodeOpened>)
                return OpenNode(view, pack, a.node_id);
            else if constexpr (std::is_same_v<A, Back>)
            {
                if (view.history.empty())
                {
                    if (view.screen == ScreenId::Home)
                        return false;
                    ScreenState home; // no history but not home: Back still leads somewhere
                    Restore(view, home);
                    return true;
                }
                ScreenState prev = view.history.back();
                view.history.pop_back();
                Restore(view, prev);
                return true;
            }
            else if constexpr (std::is_same_v<A, Home>)
            {
                if (view.screen == ScreenId::Home && view.history.empty())
                    return false;
                view.history.clear();
                Restore(view, ScreenState{});
                view.home_scroll_y = 0.0f;
                return true;
            }
            else if constexpr (std::is_same_v<A, SetLanguage>)
            {
                if (a.code.empty() || view.language == a.code)
                    return false;
                view.language = a.code;
                return true;
            }
            else if constexpr (std::is_same_v<A, ToggleLargerText>)
            {
                view.larger_text = !view.larger_text;
                return true;
            }
            else if constexpr (std::is_same_v<A, ToggleHighContrast>)
            {
                view.high_contrast = !view.high_contrast;
                return true;
            }
            else if constexpr (std::is_same_v<A, GalleryNext>)
                return StepGallery(view, pack, +1);
            else if constexpr (std::is_same_v<A, GalleryPrev>)
                return StepGallery(view, pack, -1);
            else
                return false; // monostate, ReloadContent: nothing to navigate
        },
        action);
}

std::string DescribeAction(const UiAction& action)
{
    return std::visit(
        [](const auto& a) -> std::string
        {
            using A = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<A, OpenRole>)
                return "open-role:" + a.role_id;
            else if constexpr (std::is_same_v<A, OpenGallery>)
                return "open-gallery:" + (a.role_id.empty() ? std::string("all") : a.role_id) + ":" +
                       std::to_string(a.index);
            else if constexpr (std::is_same_v<A, OpenPathway>)
                return "open-pathway:" + a.node_id + ":" + a.start_id + ":" + a.role_id;
            else if constexpr (std::is_same_v<A, Back>)
                return "back";
            else if constexpr (std::is_same_v<A, Home>)
                return "home";
            else if constexpr (std::is_same_v<A, SetLanguage>)
                return "set-language:" + a.code;
            else if constexpr (std::is_same_v<A, ToggleLargerText>)
                return "toggle-larger-text";
            else if constexpr (std::is_same_v<A, ToggleHighContrast>)
                return "toggle-high-contrast";
            else if constexpr (std::is_same_v<A, GalleryNext>)
                return "gallery-next";
            else if constexpr (std::is_same_v<A, GalleryPrev>)
                return "gallery-prev";
            else if constexpr (std::is_same_v<A, ReloadContent>)
                return "reload-content";
            else if constexpr (std::is_same_v<A, PathwayStartChosen>)
                return "pathway-start:" + a.start_id;
            else if constexpr (std::is_same_v<A, PathwayNodeOpened>)
                return "pathway-node:" + a.node_id;
            else
                return "none";
        },
        action);
}
} // namespace kiosk::ui
