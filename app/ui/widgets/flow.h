// A vertical text flow for long pages (the role page, the pathway stub): each call places one
// block at the cursor and advances it. The same code runs twice per frame: once with
// draw = false to measure the page (for scroll limits and column balance), once to draw and
// take taps. Positions are screen coordinates; the caller offsets y by the scroll.
#pragma once
#include "core/content/localized_text.h"
#include "core/visit/visit_actions.h"
#include "ui/ui_context.h"
#include "ui/widgets/term_text.h"

#include <imgui.h>
#include <string>
#include <vector>

namespace kiosk::ui
{
struct Flow
{
    const UiContext* ctx = nullptr;
    bool draw = false;
    float x = 0.0f;
    float y = 0.0f;
    float width = 0.0f;
    core::VisitAction action;   // set by a block that was tapped (draw pass only)
    TermMarks* terms = nullptr; // paragraphs and bullets mark glossary terms here (draw pass); null = none
};

// A section heading, with space above it (none at the top of a column).
void FlowHeading(Flow& f, const std::string& text);
// A paragraph in body (or the given) font.
void FlowParagraph(Flow& f, const std::string& text, ImFont* font = nullptr, ImU32 color = 0);
// A bulleted list; empty items are skipped.
void FlowBullets(Flow& f, const std::vector<kiosk::core::LocalizedText>& items);
// Comma-free inline list for short items ("also known as"): one per line, bold.
void FlowTags(Flow& f, const std::vector<kiosk::core::LocalizedText>& items);
// A tappable card with a bold title, body text and a chevron. Returns true when tapped.
bool FlowLinkCard(Flow& f, const std::string& hit_id, const std::string& title, const std::string& text, bool tappable);
// Pill-shaped buttons that wrap onto new lines; returns the index tapped or -1.
int FlowChips(Flow& f, const std::vector<std::string>& hit_ids, const std::vector<std::string>& labels);
// Vertical space in ems.
void FlowSpace(Flow& f, float ems);
} // namespace kiosk::ui
