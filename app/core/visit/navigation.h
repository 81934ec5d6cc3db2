// Navigation: where a visitor is and what a tap does to it, as a pure function of the visit.
// No ImGui, no clock. Navigate() moves a VisitState from one screen to the next; core::Visit calls
// it and records what changed (visit.h). Unit-tested in tests/core/visit/test_navigation.cpp.
//
// Back stack: opening a screen pushes the current one (Home <- Role <- Gallery, Role <- Role for a
// specialism); Back pops it and hands back how the ui left that screen (its ScreenMemory); Home
// clears the stack. A glossary definition card (OpenGlossaryTerm) sits over the current screen
// and pushes nothing; CloseGlossary, and any move to another screen, closes it. The flowchart's
// start chips and node taps (PathwayStartChosen, PathwayNodeOpened) change the pathway screen in
// place and push nothing. The stack keeps the 32 most recent screens. Back on Home does nothing. Invalid targets (an
// unknown role id, a gallery with no photos) leave the state unchanged, so a stale action can never strand the visitor.
//
// What the ui keeps itself (scroll speed, the flowchart camera, slide transitions) is not here:
// the ui hands its ScreenMemory in with each action, and reacts to the NavigationResult.
#pragma once
#include "core/content/content_model.h"
#include "core/visit/visit_actions.h"

#include <string>
#include <vector>

namespace kiosk::core
{
enum class ScreenId
{
    Home,
    Role,
    Gallery,
    Pathway,
    Quiz, // a question, or the result once every question is answered (VisitState::quiz)
};

// How the flowchart's camera should move once the ui has a layout (a request, not a position).
enum class PathwayFraming
{
    None,     // keep the camera where it is
    Default,  // the readable "fit" (whole graph, or as much as keeps text at least 1 em)
    Lit,      // frame the lit routes
    Selected, // bring the selected node into view (centred when it was off screen)
};

// What the flowchart shows: the open details sheet and the lit routes.
struct PathwayFocus
{
    std::string selected;  // node whose details sheet is open; empty = no sheet
    std::string lit_start; // "Where are you now?" start point lit
    std::string lit_role;  // role whose routes are lit ("How do I get here?"), or the role an entry route came from
    std::string lit_node;  // node whose routes are lit (an entry route), narrowed to lit_role when set
};

// How the ui left a screen, kept with it on the back stack so Back puts it back as it was. The core
// stores and returns it and never reads it.
struct ScreenMemory
{
    float scroll_y = 0.0f; // the screen's scroll offset in pixels
    float camera_x = 0.0f; // flowchart: world point at the canvas centre
    float camera_y = 0.0f;
    float camera_zoom = 0.0f;      // 0 = not framed yet
    float camera_key_em = 0.0f;    // the font size the camera was framed at
    int camera_key_direction = -1; // the layout direction it was framed for
    float sheet_scroll_y = 0.0f;   // flowchart details sheet scroll
};

// How far the visitor is through the quiz. Lives in the VisitState (not on the back stack), so a
// result's role page leads Back to the same result, and a visit reset clears it.
struct QuizProgress
{
    std::vector<std::string> answers; // one per question answered, in order; kQuizNotSure for "not sure"
    std::string route_role;           // result: "Where are you now?" is open for this role
    size_t questions = 0;             // the quiz's length when it was started
    // The question on show (0-based); equal to the number of questions once the result shows.
    size_t Question() const { return answers.size(); }
    bool Finished() const { return questions > 0 && answers.size() >= questions; }
};

// One entry of the back stack.
struct ScreenState
{
    ScreenId screen = ScreenId::Home;
    std::string role_id;
    int gallery_index = 0;
    std::string gallery_role;
    std::string pathway_node;
    PathwayFocus pathway;
    ScreenMemory memory;
};

// The visitor's state for one visit. A new visit starts from a default VisitState (language set to
// the pack's first).
struct VisitState
{
    ScreenId screen = ScreenId::Home;
    std::string role_id;      // Role screen: which role
    int gallery_index = 0;    // Gallery screen: which photo
    std::string gallery_role; // Gallery opened from a role page shows that role's photos only
    std::string pathway_node; // Pathway screen: the node OpenPathway asked to focus, may be empty
    PathwayFocus pathway;     // Pathway screen: lit routes, open sheet
    std::string language = "en";
    bool larger_text = false;
    bool high_contrast = false;
    std::vector<ScreenState> history; // back stack: Back pops, Home clears
    std::string glossary_term;        // the glossary term whose definition card is open; empty = none
    QuizProgress quiz;                // Quiz screen: answers so far
    bool read_aloud = false;          // the visitor used "Read aloud": the countdown is spoken too
};

// True when the quiz screen shows the result (every question answered).
bool QuizFinished(const VisitState& state, const ContentPack& pack);

// What Navigate() did, for the ui's motion state.
struct NavigationResult
{
    enum class Motion
    {
        None,        // nothing the ui must do (a setting changed, or nothing at all)
        NewScreen,   // a new screen: scroll to the top, stop everything moving
        Restored,    // Back or Home: put the screen back as `memory` says, nothing moving
        GalleryStep, // the gallery moved by `gallery_step` photos: slide the new one in
        Refocus,     // the flowchart's lit routes or sheet changed in place
    };
    bool changed = false; // the state changed: draw again at once
    Motion motion = Motion::None;
    ScreenMemory memory;                           // Restored
    int gallery_step = 0;                          // GalleryStep: +1 or -1
    PathwayFraming framing = PathwayFraming::None; // NewScreen on the flowchart, Refocus
    bool framing_animated = false;                 // false: jump (the screen was just opened)
};

// Carries out `action`; `here` is how the ui has the current screen (kept on the back stack when
// the action leaves it). ReloadContent and an empty action change nothing here.
NavigationResult Navigate(VisitState& state, const VisitAction& action, const ContentPack& pack,
                          const ScreenMemory& here);

// The photos the gallery cycles through: the role's photos when gallery_role is set (in the role's
// order), else every photo in the pack. Unknown photo ids are skipped.
std::vector<const Photo*> GalleryPhotos(const std::string& gallery_role, const ContentPack& pack);
inline std::vector<const Photo*> GalleryPhotos(const VisitState& state, const ContentPack& pack)
{
    return GalleryPhotos(state.gallery_role, pack);
}

// The lit routes and open sheet an OpenPathway asks for, and the camera move it needs: a node (an
// entry route) is selected and its routes lit (narrowed to its role), a role alone lights every
// route into it, a start point lights its routes. Unknown ids are ignored.
PathwayFocus OpenedPathway(const ContentPack& pack, const OpenPathway& action, PathwayFraming* framing);

// Wraps an index into [0, count): the gallery wraps round at both ends (count > 0).
int WrapIndex(int index, int count);
} // namespace kiosk::core
