// The text width model (text_measure.h).
#include "core/content/text_measure.h"

#include <algorithm>

namespace kiosk::core
{
namespace
{
bool IsBlank(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

// Advance widths in ems of the font size (ImGui's FontSize is the pixel height) of Noto Sans 2.x as
// Debian 12 ships it, measured with stb_truetype and rounded up by 0.005: each lowercase letter,
// digits 0.420, the widest capital (M W apart), space 0.191, the widest of i j l . , : ; ' !, and
// 0.734 for anything else (accented letters, £, dashes and signs: the widest of them).
struct LetterWidths
{
    float lower[26];
    float digit, space, narrow, capital, wide_capital, other;
};
constexpr LetterWidths kRegularWidths{{0.417f, 0.457f, 0.357f, 0.457f, 0.419f, 0.258f, 0.457f, 0.459f, 0.194f,
                                       0.194f, 0.397f, 0.194f, 0.691f, 0.459f, 0.449f, 0.457f, 0.457f, 0.308f,
                                       0.357f, 0.270f, 0.459f, 0.378f, 0.582f, 0.393f, 0.379f, 0.350f},
                                      0.425f,
                                      0.196f,
                                      0.203f,
                                      0.578f,
                                      0.688f,
                                      0.739f};
constexpr LetterWidths kBoldWidths{{0.448f, 0.470f, 0.382f, 0.470f, 0.439f, 0.289f, 0.470f, 0.487f, 0.229f,
                                    0.229f, 0.460f, 0.229f, 0.726f, 0.487f, 0.459f, 0.470f, 0.470f, 0.338f,
                                    0.370f, 0.324f, 0.487f, 0.423f, 0.633f, 0.429f, 0.423f, 0.363f},
                                   0.425f,
                                   0.196f,
                                   0.229f,
                                   0.602f,
                                   0.715f,
                                   0.739f};

float LetterWidth(unsigned char c, const LetterWidths& w)
{
    if (c >= 'a' && c <= 'z')
        return w.lower[c - 'a'];
    if (c >= '0' && c <= '9')
        return w.digit;
    if (c == ' ')
        return w.space;
    if (c == 'M' || c == 'W')
        return w.wide_capital;
    if (c >= 'A' && c <= 'Z')
        return w.capital;
    if (c == '.' || c == ',' || c == ':' || c == ';' || c == '\'' || c == '!')
        return w.narrow;
    return w.other; // the lead byte of an accented letter or a sign, and other ASCII signs
}
} // namespace

float EstimateNotoWidthEm(const std::string& text, bool bold)
{
    const LetterWidths& widths = bold ? kBoldWidths : kRegularWidths;
    float w = 0.0f;
    for (char ch : text)
    {
        const unsigned char c = static_cast<unsigned char>(ch);
        if ((c & 0xC0) != 0x80) // a UTF-8 continuation byte belongs to the character before
            w += LetterWidth(c, widths);
    }
    return w;
}

int EstimateNotoLines(const std::string& text, float width_em, bool bold)
{
    // A line break in the text starts a new line, as ImGui draws it.
    const size_t newline = text.find('\n');
    if (newline != std::string::npos)
        return std::max(1, EstimateNotoLines(text.substr(0, newline), width_em, bold)) +
               std::max(1, EstimateNotoLines(text.substr(newline + 1), width_em, bold));
    const std::vector<std::string> words = SplitWords(text);
    if (words.empty())
        return 0;
    const float space = (bold ? kBoldWidths : kRegularWidths).space;
    int lines = 1;
    float line = 0.0f;
    for (const std::string& word : words)
    {
        const float w = EstimateNotoWidthEm(word, bold);
        if (line > 0.0f && line + space + w > width_em)
        {
            lines++;
            line = 0.0f;
        }
        line += (line > 0.0f ? space : 0.0f) + w;
        while (line > width_em) // a word longer than the line breaks inside it
        {
            lines++;
            line -= width_em;
        }
    }
    return lines;
}

std::vector<std::string> SplitWords(const std::string& text)
{
    std::vector<std::string> words;
    std::string word;
    for (char c : text)
    {
        if (IsBlank(c))
        {
            if (!word.empty())
                words.push_back(word);
            word.clear();
        }
        else
            word += c;
    }
    if (!word.empty())
        words.push_back(word);
    return words;
}

} // namespace kiosk::core
