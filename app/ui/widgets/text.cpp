#include "ui/widgets/text.h"

#include <cfloat>
#include <cmath>

namespace kiosk::ui
{
namespace
{
std::vector<std::string>* g_drawn_text_sink = nullptr; // test capture only; see SetDrawnTextSink
} // namespace

void SetDrawnTextSink(std::vector<std::string>* sink)
{
    g_drawn_text_sink = sink;
}

void NoteDrawnText(const std::string& text)
{
    if (g_drawn_text_sink && !text.empty())
        g_drawn_text_sink->push_back(text);
}

float TextHeight(ImFont* font, const std::string& text, float wrap_w)
{
    if (text.empty())
        return 0.0f;
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap_w, text.c_str(), text.c_str() + text.size()).y;
}

float TextWidth(ImFont* font, const std::string& text)
{
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str(), text.c_str() + text.size()).x;
}

float DrawText(ImFont* font, ImVec2 pos, ImU32 color, const std::string& text, float wrap_w)
{
    if (text.empty())
        return 0.0f;
    const float h = TextHeight(font, text, wrap_w);
    // Text scrolled out of view is measured but not drawn (nor reported as seen).
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (pos.y > dl->GetClipRectMax().y || pos.y + h < dl->GetClipRectMin().y)
        return h;
    NoteDrawnText(text);
    dl->AddText(font, font->FontSize, pos, color, text.c_str(), text.c_str() + text.size(), wrap_w);
    return h;
}

float DrawTextCenteredWrapped(ImFont* font, float center_x, float y, ImU32 color, const std::string& text, float wrap_w)
{
    if (text.empty())
        return 0.0f;
    NoteDrawnText(text);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const char* s = text.c_str();
    const char* end = s + text.size();
    float line_y = y;
    while (s < end)
    {
        const char* line_end = font->CalcWordWrapPositionA(1.0f, s, end, wrap_w);
        if (line_end == s)
            ++line_end; // a single glyph wider than the line: draw it anyway
        const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, s, line_end).x;
        dl->AddText(font, font->FontSize, ImVec2(std::floor(center_x - 0.5f * w), line_y), color, s, line_end);
        line_y += font->FontSize;
        s = line_end;
        while (s < end && (*s == ' ' || *s == '\n'))
            ++s;
    }
    return line_y - y;
}

std::string FitLine(ImFont* font, const std::string& text, float max_w)
{
    if (TextWidth(font, text) <= max_w)
        return text;
    std::string s = text;
    while (!s.empty())
    {
        // Drop one UTF-8 code point from the end: its continuation bytes, then its lead byte.
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80)
            s.pop_back();
        if (!s.empty())
            s.pop_back();
        while (!s.empty() && s.back() == ' ')
            s.pop_back();
        std::string candidate = s + "…";
        if (TextWidth(font, candidate) <= max_w)
            return candidate;
    }
    return "…";
}

void DrawTextCentered(ImFont* font, ImVec2 min, ImVec2 max, ImU32 color, const std::string& text)
{
    NoteDrawnText(text);
    const std::string line = FitLine(font, text, max.x - min.x);
    const float w = TextWidth(font, line);
    const ImVec2 pos(min.x + 0.5f * (max.x - min.x - w), min.y + 0.5f * (max.y - min.y - font->FontSize));
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(std::floor(pos.x), std::floor(pos.y)), color,
                                        line.c_str(), line.c_str() + line.size());
}
} // namespace kiosk::ui
