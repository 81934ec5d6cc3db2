#include "core/visit/navigation.h"

#include "core/quiz/quiz_score.h"

#include <variant>

namespace kiosk::core
{
namespace
{
constexpr size_t kMaxHistory = 32;

ScreenState Snapshot(const VisitState& state, const ScreenMemory& here)
{
    ScreenState s;
    s.screen = state.screen;
    s.role_id = state.role_id;
    s.gallery_index = state.gallery_index;
    s.gallery_role = state.gallery_role;
    s.pathway_node = state.pathway_node;
    s.pathway = state.pathway;
    s.memory = here;
    return s;
}

NavigationResult Restore(VisitState& state, const ScreenState& s)
{
    state.glossary_term.clear();
    state.screen = s.screen;
    state.role_id = s.role_id;
    state.gallery_index = s.gallery_index;
    state.gallery_role = s.gallery_role;
    state.pathway_node = s.pathway_node;
    state.pathway = s.pathway;
    NavigationResult r;
    r.changed = true;
    r.motion = NavigationResult::Motion::Restored;
    r.memory = s.memory;
    return r;
}

// Leaves the current screen for a new one, remembering where we were.
NavigationResult Push(VisitState& state, const ScreenMemory& here)
{
    // A visitor can walk node to node for ever; keep the most recent steps only.
    if (state.history.size() >= kMaxHistory)
        state.history.erase(state.history.begin());
    state.history.push_back(Snapshot(state, here));
    state.glossary_term.clear();
    NavigationResult r;
    r.changed = true;
    r.motion = NavigationResult::Motion::NewScreen;
    return r;
}

NavigationResult Refocus(PathwayFraming framing)
{
    NavigationResult r;
    r.changed = true;
    r.motion = NavigationResult::Motion::Refocus;
    r.framing = framing;
    r.framing_animated = framing != PathwayFraming::None;
    return r;
}

// A start chip: lights its routes and frames them; the lit chip again (or an empty id) clears.
NavigationResult ChooseStart(VisitState& state, const ContentPack& pack, const std::string& start_id)
{
    if (state.screen != ScreenId::Pathway)
        return {};
    PathwayFocus& p = state.pathway;
    bool known = false;
    for (const auto& s : pack.pathway.starts)
        known |= s.id == start_id;
    if (start_id.empty() || start_id == p.lit_start || !known)
    {
        const bool had = !p.lit_start.empty() || !p.lit_role.empty() || !p.lit_node.empty();
        p.lit_start.clear();
        p.lit_role.clear();
        p.lit_node.clear();
        return had ? Refocus(PathwayFraming::None) : NavigationResult{};
    }
    p.lit_start = start_id;
    p.lit_role.clear();
    p.lit_node.clear();
    p.selected.clear();
    return Refocus(PathwayFraming::Lit);
}

// A node tap opens its details sheet and brings it into view; an empty id closes the sheet.
NavigationResult OpenNode(VisitState& state, const ContentPack& pack, const std::string& node_id)
{
    if (state.screen != ScreenId::Pathway)
        return {};
    PathwayFocus& p = state.pathway;
    if (node_id.empty())
    {
        if (p.selected.empty())
            return {};
        p.selected.clear();
        return Refocus(PathwayFraming::None);
    }
    if (!pack.pathway.FindNode(node_id) || p.selected == node_id)
        return {};
    p.selected = node_id;
    return Refocus(PathwayFraming::Selected);
}

NavigationResult StepGallery(VisitState& state, const ContentPack& pack, int step)
{
    if (state.screen != ScreenId::Gallery)
        return {};
    const int count = static_cast<int>(GalleryPhotos(state, pack).size());
    if (count <= 1)
        return {};
    state.gallery_index = WrapIndex(state.gallery_index + step, count);
    NavigationResult r;
    r.changed = true;
    r.motion = NavigationResult::Motion::GalleryStep;
    r.gallery_step = step;
    return r;
}

NavigationResult QuizStep()
{
    NavigationResult r;
    r.changed = true;
    r.motion = NavigationResult::Motion::NewScreen; // each question starts at the top
    return r;
}

NavigationResult AnswerQuestion(VisitState& state, const ContentPack& pack, const AnswerQuiz& a)
{
    const Quiz& quiz = pack.quiz;
    if (state.screen != ScreenId::Quiz || QuizFinished(state, pack))
        return {};
    const QuizQuestion& q = quiz.questions[state.quiz.Question()];
    // A stale tap (a question already answered) or an unknown answer changes nothing.
    if (a.question_id != q.id || (a.answer_id != kQuizNotSure && !quiz.FindAnswer(q.id, a.answer_id)))
        return {};
    state.quiz.answers.push_back(a.answer_id);
    state.quiz.route_role.clear();
    return QuizStep();
}

NavigationResult PreviousQuestion(VisitState& state)
{
    if (state.screen != ScreenId::Quiz || state.quiz.answers.empty())
        return {};
    state.quiz.answers.pop_back();
    state.quiz.route_role.clear();
    return QuizStep();
}

NavigationResult ShowRoute(VisitState& state, const ContentPack& pack, const std::string& role_id)
{
    if (state.screen != ScreenId::Quiz || !QuizFinished(state, pack))
        return {};
    if (!role_id.empty() && !pack.FindRole(role_id))
        return {};
    if (state.quiz.route_role == role_id)
        return {};
    state.quiz.route_role = role_id;
    NavigationResult r;
    r.changed = true;
    return r;
}

NavigationResult SettingChanged()
{
    NavigationResult r;
    r.changed = true;
    return r;
}
} // namespace

bool QuizFinished(const VisitState& state, const ContentPack& pack)
{
    return !pack.quiz.Empty() && state.quiz.Finished() && state.quiz.questions == pack.quiz.questions.size();
}

PathwayFocus OpenedPathway(const ContentPack& pack, const OpenPathway& a, PathwayFraming* framing)
{
    PathwayFocus p;
    *framing = PathwayFraming::Default;
    const auto& pathway = pack.pathway;
    const bool node_ok = !a.node_id.empty() && pathway.FindNode(a.node_id);
    const bool role_ok = !a.role_id.empty() && pack.FindRole(a.role_id);
    bool start_ok = false;
    for (const auto& s : pathway.starts)
        start_ok |= s.id == a.start_id && !a.start_id.empty();
    if (node_ok)
    {
        p.selected = a.node_id;
        p.lit_node = a.node_id;
        p.lit_role = role_ok ? a.role_id : std::string();
        *framing = PathwayFraming::Selected;
    }
    else if (start_ok)
    {
        p.lit_start = a.start_id;
        p.lit_role = role_ok ? a.role_id : std::string(); // both: the routes from here to the role
        *framing = PathwayFraming::Lit;
    }
    else if (role_ok)
    {
        p.lit_role = a.role_id;
        *framing = PathwayFraming::Lit;
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

std::vector<const Photo*> GalleryPhotos(const std::string& gallery_role, const ContentPack& pack)
{
    std::vector<const Photo*> out;
    if (!gallery_role.empty())
    {
        if (const Role* role = pack.FindRole(gallery_role))
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

namespace
{
// One named step per action, chosen by std::visit. Each returns what changed; an action that
// does not apply (an unknown id, nothing to go back to) changes nothing.
struct Navigator
{
    VisitState& state;
    const ContentPack& pack;
    const ScreenMemory& here;

    NavigationResult operator()(const OpenRole& a) const
    {
        if (!pack.FindRole(a.role_id) || (state.screen == ScreenId::Role && state.role_id == a.role_id))
            return {};
        NavigationResult r = Push(state, here);
        state.screen = ScreenId::Role;
        state.role_id = a.role_id;
        return r;
    }
    NavigationResult operator()(const OpenGallery& a) const
    {
        const int count = static_cast<int>(GalleryPhotos(a.role_id, pack).size());
        if (count == 0)
            return {};
        NavigationResult r = Push(state, here);
        state.screen = ScreenId::Gallery;
        state.gallery_role = a.role_id;
        state.gallery_index = WrapIndex(a.index, count);
        return r;
    }
    NavigationResult operator()(const OpenPathway& a) const
    {
        NavigationResult r = Push(state, here);
        state.screen = ScreenId::Pathway;
        state.pathway_node = a.node_id;
        state.pathway = OpenedPathway(pack, a, &r.framing);
        state.quiz.route_role.clear(); // Back from the route shows the result, not the question
        return r;
    }
    NavigationResult operator()(const PathwayStartChosen& a) const { return ChooseStart(state, pack, a.start_id); }
    NavigationResult operator()(const PathwayNodeOpened& a) const { return OpenNode(state, pack, a.node_id); }
    NavigationResult operator()(const Back&) const
    {
        if (state.history.empty())
        {
            if (state.screen == ScreenId::Home)
                return {};
            return Restore(state, ScreenState{}); // no history but not home: Back still leads somewhere
        }
        const ScreenState prev = state.history.back();
        state.history.pop_back();
        return Restore(state, prev);
    }
    NavigationResult operator()(const Home&) const
    {
        if (state.screen == ScreenId::Home && state.history.empty())
            return {};
        state.history.clear();
        return Restore(state, ScreenState{}); // home at the top
    }
    NavigationResult operator()(const SetLanguage& a) const
    {
        if (a.code.empty() || state.language == a.code)
            return {};
        state.language = a.code;
        return SettingChanged();
    }
    NavigationResult operator()(const ToggleLargerText&) const
    {
        state.larger_text = !state.larger_text;
        return SettingChanged();
    }
    NavigationResult operator()(const ToggleHighContrast&) const
    {
        state.high_contrast = !state.high_contrast;
        return SettingChanged();
    }
    NavigationResult operator()(const OpenGlossaryTerm& a) const
    {
        if (!pack.glossary.Find(a.term_id) || state.glossary_term == a.term_id)
            return {};
        state.glossary_term = a.term_id;
        return SettingChanged();
    }
    NavigationResult operator()(const CloseGlossary&) const
    {
        if (state.glossary_term.empty())
            return {};
        state.glossary_term.clear();
        return SettingChanged();
    }
    NavigationResult operator()(const StartQuiz&) const
    {
        if (pack.quiz.Empty())
            return {};
        NavigationResult r = state.screen == ScreenId::Quiz ? QuizStep() : Push(state, here);
        state.screen = ScreenId::Quiz;
        state.quiz = QuizProgress{};
        state.quiz.questions = pack.quiz.questions.size();
        return r;
    }
    NavigationResult operator()(const AnswerQuiz& a) const { return AnswerQuestion(state, pack, a); }
    NavigationResult operator()(const QuizPrevious&) const { return PreviousQuestion(state); }
    NavigationResult operator()(const QuizShowRoute& a) const { return ShowRoute(state, pack, a.role_id); }
    NavigationResult operator()(const GalleryNext&) const { return StepGallery(state, pack, +1); }
    NavigationResult operator()(const GalleryPrev&) const { return StepGallery(state, pack, -1); }
    NavigationResult operator()(const ReadAloud&) const
    {
        if (state.read_aloud)
            return {}; // the words themselves are the shell's (speech_script.h)
        state.read_aloud = true;
        return SettingChanged();
    }
    NavigationResult operator()(const StopReading&) const { return {}; }
    NavigationResult operator()(const MoreTime&) const { return {}; } // the phases' (core::Visit)
    // Nothing, and ReloadContent (the shell's): nothing to navigate.
    NavigationResult operator()(const std::monostate&) const { return {}; }
    NavigationResult operator()(const ReloadContent&) const { return {}; }
};
} // namespace

NavigationResult Navigate(VisitState& state, const VisitAction& action, const ContentPack& pack,
                          const ScreenMemory& here)
{
    return std::visit(Navigator{state, pack, here}, action);
}
} // namespace kiosk::core
