#include "core/visit/usage_recorder.h"

#include "core/visit/screen_name.h"

#include <cmath>

namespace kiosk::core
{

static StatsEvent MakeEvent(EventKind kind, double mono, double wall)
{
    StatsEvent e;
    e.kind = kind;
    e.mono_time = mono;
    e.wall_time = wall;
    return e;
}

static std::int64_t DwellMs(double since, double now)
{
    return now > since ? (std::int64_t)std::llround((now - since) * 1000.0) : 0;
}

// The photo id a gallery view shows, or empty when the view is not the gallery.
static std::string PhotoOnShow(const VisitState& view, const ContentPack& pack)
{
    if (view.screen != ScreenId::Gallery)
        return {};
    const std::vector<const Photo*> photos = GalleryPhotos(view, pack);
    if (photos.empty())
        return {};
    return photos[(size_t)WrapIndex(view.gallery_index, (int)photos.size())]->id;
}

void UsageRecorder::StartVisit(const VisitState& view, const ContentPack& pack, double mono)
{
    m_in_visit = true;
    OpenScreen(view, pack, mono);
}

void UsageRecorder::OpenScreen(const VisitState& view, const ContentPack& pack, double mono)
{
    m_screen = ScreenKey(view);
    m_screen_since = mono;
    m_photo = PhotoOnShow(view, pack);
    m_photo_since = mono;
}

void UsageRecorder::CloseScreen(std::vector<StatsEvent>& out, double mono, double wall)
{
    if (!m_photo.empty())
    {
        StatsEvent e = MakeEvent(EventKind::PhotoViewed, mono, wall);
        e.photo_id = m_photo;
        e.dwell_ms = DwellMs(m_photo_since, mono);
        out.push_back(e);
        m_photo.clear();
    }
    if (!m_screen.empty())
    {
        StatsEvent e = MakeEvent(EventKind::ScreenViewed, mono, wall);
        e.screen_id = m_screen;
        e.dwell_ms = DwellMs(m_screen_since, mono);
        out.push_back(e);
        m_screen.clear();
    }
}

std::vector<StatsEvent> UsageRecorder::Update(const VisitState& after, const VisitAction& action,
                                              const ContentPack& pack, double mono, double wall)
{
    std::vector<StatsEvent> out;
    if (!m_in_visit)
        return out;
    {
        if (const auto* open = std::get_if<OpenRole>(&action); open && pack.FindRole(open->role_id))
        {
            StatsEvent e = MakeEvent(EventKind::RoleOpened, mono, wall);
            e.role_id = open->role_id;
            out.push_back(e);
        }
        else if (const auto* path = std::get_if<OpenPathway>(&action))
        {
            if (!path->start_id.empty())
            {
                StatsEvent e = MakeEvent(EventKind::StartPointChosen, mono, wall);
                e.start_point_id = path->start_id;
                out.push_back(e);
            }
            if (!path->node_id.empty())
            {
                StatsEvent e = MakeEvent(EventKind::PathwayNodeTapped, mono, wall);
                e.node_id = path->node_id;
                out.push_back(e);
            }
        }
        else if (const auto* start = std::get_if<PathwayStartChosen>(&action); start && !start->start_id.empty())
        {
            // Choosing a chip lights it; tapping the lit chip again clears it (not a choice).
            if (after.pathway.lit_start == start->start_id)
            {
                StatsEvent e = MakeEvent(EventKind::StartPointChosen, mono, wall);
                e.start_point_id = start->start_id;
                out.push_back(e);
            }
        }
        else if (const auto* node = std::get_if<PathwayNodeOpened>(&action); node && !node->node_id.empty())
        {
            if (pack.pathway.FindNode(node->node_id))
            {
                StatsEvent e = MakeEvent(EventKind::PathwayNodeTapped, mono, wall);
                e.node_id = node->node_id;
                out.push_back(e);
            }
        }
        else if (const auto* term = std::get_if<OpenGlossaryTerm>(&action))
        {
            if (after.glossary_term == term->term_id && pack.glossary.Find(term->term_id))
            {
                StatsEvent e = MakeEvent(EventKind::GlossaryTermOpened, mono, wall);
                e.setting = term->term_id;
                out.push_back(e);
            }
        }
        else if (const auto* lang = std::get_if<SetLanguage>(&action))
        {
            StatsEvent e = MakeEvent(EventKind::LanguageSwitched, mono, wall);
            e.language = lang->code;
            out.push_back(e);
        }
        else if (std::holds_alternative<ToggleLargerText>(action))
        {
            StatsEvent e = MakeEvent(EventKind::AccessibilitySwitched, mono, wall);
            e.setting = after.larger_text ? "large_text=on" : "large_text=off";
            out.push_back(e);
        }
        else if (std::holds_alternative<ToggleHighContrast>(action))
        {
            StatsEvent e = MakeEvent(EventKind::AccessibilitySwitched, mono, wall);
            e.setting = after.high_contrast ? "high_contrast=on" : "high_contrast=off";
            out.push_back(e);
        }
    }
    // A new screen (or a new photo in the gallery) closes the old one with its dwell time.
    if (ScreenKey(after) != m_screen || PhotoOnShow(after, pack) != m_photo)
    {
        CloseScreen(out, mono, wall);
        OpenScreen(after, pack, mono);
    }
    return out;
}

std::vector<StatsEvent> UsageRecorder::EndVisit(double mono, double wall)
{
    std::vector<StatsEvent> out;
    if (m_in_visit)
        CloseScreen(out, mono, wall);
    m_in_visit = false;
    return out;
}
} // namespace kiosk::core
