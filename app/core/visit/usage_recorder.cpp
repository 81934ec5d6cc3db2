#include "core/visit/usage_recorder.h"

#include "core/quiz/quiz_score.h"
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
    m_quiz_open = false;
    m_quiz_done = false;
    m_quiz_answered = 0;
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
                e.glossary_term_id = term->term_id;
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
    UpdateQuiz(out, after, action, pack, mono, wall);
    // A new screen (or a new photo in the gallery) closes the old one with its dwell time.
    if (ScreenKey(after) != m_screen || PhotoOnShow(after, pack) != m_photo)
    {
        CloseScreen(out, mono, wall);
        OpenScreen(after, pack, mono);
    }
    return out;
}

void UsageRecorder::UpdateQuiz(std::vector<StatsEvent>& out, const VisitState& after, const VisitAction& action,
                               const ContentPack& pack, double mono, double wall)
{
    // Which result the visitor opened: a role page or a route, straight from the result screen.
    if (m_screen == "quiz:result")
    {
        if (const auto* open = std::get_if<OpenRole>(&action); open && after.screen == ScreenId::Role)
        {
            StatsEvent e = MakeEvent(EventKind::QuizResultOpened, mono, wall);
            e.role_id = open->role_id;
            e.setting = "open=role";
            out.push_back(e);
        }
        else if (const auto* path = std::get_if<OpenPathway>(&action); path && after.screen == ScreenId::Pathway)
        {
            StatsEvent e = MakeEvent(EventKind::QuizResultOpened, mono, wall);
            e.role_id = path->role_id;
            e.setting = "open=route";
            out.push_back(e);
        }
    }
    const bool on_quiz = after.screen == ScreenId::Quiz;
    const bool started = std::holds_alternative<StartQuiz>(action) && on_quiz && after.quiz.answers.empty();
    // Leaving a quiz before its result (for another screen, or by starting again) abandons it.
    if (m_quiz_open && (!on_quiz || started))
    {
        StatsEvent e = MakeEvent(EventKind::QuizAbandoned, mono, wall);
        e.setting = "at=" + m_quiz_at;
        out.push_back(e);
        m_quiz_open = false;
    }
    if (started)
    {
        out.push_back(MakeEvent(EventKind::QuizStarted, mono, wall));
        m_quiz_open = true;
        m_quiz_done = false;
        m_quiz_answered = 0;
    }
    if (!on_quiz)
        return;
    const Quiz& quiz = pack.quiz;
    const auto* answer = std::get_if<AnswerQuiz>(&action);
    if (answer && after.quiz.answers.size() > m_quiz_answered)
    {
        StatsEvent e = MakeEvent(EventKind::QuizAnswered, mono, wall);
        e.setting = answer->question_id + "=" + answer->answer_id;
        out.push_back(e);
    }
    m_quiz_answered = after.quiz.answers.size();
    if (QuizFinished(after, pack))
    {
        if (answer && !m_quiz_done)
        {
            out.push_back(MakeEvent(EventKind::QuizFinished, mono, wall));
            const QuizResult result = ScoreQuiz(quiz, after.quiz.answers);
            for (size_t i = 0; i < result.matches.size(); i++)
            {
                StatsEvent e = MakeEvent(EventKind::QuizResult, mono, wall);
                e.role_id = result.matches[i].role_id;
                e.setting = "rank=" + std::to_string(i + 1);
                out.push_back(e);
            }
            m_quiz_done = true;
            m_quiz_open = false;
        }
    }
    else if (after.quiz.Question() < quiz.questions.size())
        m_quiz_at = quiz.questions[after.quiz.Question()].id;
}

std::vector<StatsEvent> UsageRecorder::EndVisit(double mono, double wall)
{
    std::vector<StatsEvent> out;
    if (m_in_visit && m_quiz_open)
    {
        // The visitor walked away mid-quiz.
        StatsEvent e = MakeEvent(EventKind::QuizAbandoned, mono, wall);
        e.setting = "at=" + m_quiz_at;
        out.push_back(e);
    }
    m_quiz_open = false;
    if (m_in_visit)
        CloseScreen(out, mono, wall);
    m_in_visit = false;
    return out;
}
} // namespace kiosk::core
