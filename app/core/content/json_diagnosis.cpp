// JSON syntax errors in plain words (json_diagnosis.h).
//
// Index
//   1. Characters: UTF-8, Windows-1252, invisible characters and curly quotes
//   2. The forgiving scanner: a JSON grammar walk that stops at the first recognised mistake
//   3. DiagnoseJsonSyntax, SourceExcerpt
#include "core/content/json_diagnosis.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <utility>
#include <vector>

namespace kiosk::core
{
// --- 1. Characters -------------------------------------------------------------------------------

namespace
{
// Length of the valid UTF-8 sequence at `i` and its code point, or 0 when it is not valid UTF-8
// (a stray continuation byte, an overlong form, a surrogate, a cut-off sequence).
size_t DecodeUtf8(const std::string& s, size_t i, uint32_t* cp)
{
    const unsigned char b = static_cast<unsigned char>(s[i]);
    size_t len;
    uint32_t value;
    uint32_t min;
    if (b < 0x80)
    {
        *cp = b;
        return 1;
    }
    if (b >= 0xC2 && b <= 0xDF)
        len = 2, value = b & 0x1F, min = 0x80;
    else if (b >= 0xE0 && b <= 0xEF)
        len = 3, value = b & 0x0F, min = 0x800;
    else if (b >= 0xF0 && b <= 0xF4)
        len = 4, value = b & 0x07, min = 0x10000;
    else
        return 0;
    if (i + len > s.size())
        return 0;
    for (size_t k = 1; k < len; k++)
    {
        const unsigned char c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80)
            return 0;
        value = (value << 6) | (c & 0x3F);
    }
    if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return 0;
    *cp = value;
    return len;
}

// One character's bytes: a valid UTF-8 sequence, or a single byte that is not UTF-8.
size_t CharLength(const std::string& s, size_t i)
{
    uint32_t cp;
    const size_t len = DecodeUtf8(s, i, &cp);
    return len ? len : 1;
}

std::string EncodeUtf8(uint32_t cp)
{
    std::string out;
    if (cp < 0x80)
        out += static_cast<char>(cp);
    else if (cp < 0x800)
    {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    else if (cp < 0x10000)
    {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    else
    {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

std::string CodePointName(uint32_t cp)
{
    char buffer[16];
    std::snprintf(buffer, sizeof(buffer), "U+%04X", static_cast<unsigned>(cp));
    return buffer;
}

std::string ByteName(unsigned char b)
{
    char buffer[8];
    std::snprintf(buffer, sizeof(buffer), "0x%02X", b);
    return buffer;
}

// Characters that look like a space, or like nothing, and are not JSON whitespace.
const char* InvisibleName(uint32_t cp)
{
    switch (cp)
    {
    case 0x00A0:
        return "a no-break space";
    case 0x00AD:
        return "a soft hyphen";
    case 0x0085:
        return "a next-line character";
    case 0x200B:
        return "a zero-width space";
    case 0x200C:
        return "a zero-width non-joiner";
    case 0x200D:
        return "a zero-width joiner";
    case 0x2028:
        return "a line separator";
    case 0x2029:
        return "a paragraph separator";
    case 0x202F:
        return "a narrow no-break space";
    case 0x205F:
        return "a medium mathematical space";
    case 0x2060:
        return "a word joiner";
    case 0x3000:
        return "an ideographic space";
    case 0xFEFF:
        return "a zero-width no-break space (a byte order mark)";
    default:
        break;
    }
    if (cp >= 0x2000 && cp <= 0x200A)
        return "a typographic space";
    if (cp == 0x000B || cp == 0x000C)
        return "a page or tab control character";
    return nullptr;
}

bool IsCurlyQuote(uint32_t cp)
{
    switch (cp)
    {
    case 0x201C: // “
    case 0x201D: // ”
    case 0x201E: // „
    case 0x201F: // ‟
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x201A: // ‚
    case 0x201B: // ‛
    case 0x00AB: // «
    case 0x00BB: // »
    case 0x2032: // ′
    case 0x2033: // ″
        return true;
    default:
        return false;
    }
}

bool IsClosingCurlyQuote(uint32_t cp)
{
    return cp == 0x201D || cp == 0x2019 || cp == 0x00BB || cp == 0x2033;
}

bool IsLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}

bool IsDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool IsJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
} // namespace

std::string Windows1252Character(unsigned char byte)
{
    // 0x80-0x9F differ from Latin-1 (0 = undefined in Windows-1252); 0xA0-0xFF are Latin-1.
    static const uint16_t k80[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                     0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                     0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                     0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    if (byte < 0x80)
        return std::string(1, static_cast<char>(byte));
    const uint32_t cp = byte < 0xA0 ? k80[byte - 0x80] : byte;
    return cp ? EncodeUtf8(cp) : std::string();
}

std::pair<int, int> JsonLineColumn(const std::string& text, size_t offset)
{
    int line = 1, column = 1;
    for (size_t i = 0; i < offset && i < text.size(); i += CharLength(text, i))
    {
        if (text[i] == '\n')
        {
            line++;
            column = 1;
        }
        else
            column++;
    }
    return {line, column};
}

// --- 2. The forgiving scanner ---------------------------------------------------------------------

namespace
{
struct Finding
{
    size_t offset;
    size_t detected;
    std::string message;
};

class SyntaxScanner
{
public:
    explicit SyntaxScanner(const std::string& s) : m_s(s) {}

    std::optional<Finding> Run()
    {
        while (true)
        {
            SkipSpace();
            if (m_i >= m_s.size())
                return AtEnd();
            if (std::optional<Finding> f = NeverOutsideText())
                return f;
            std::optional<Finding> f;
            switch (m_expect)
            {
            case Expect::Value:
                f = InValue();
                break;
            case Expect::Key:
                f = InKey();
                break;
            case Expect::Colon:
                f = InColon();
                break;
            case Expect::CommaOrClose:
                f = InCommaOrClose();
                break;
            case Expect::End:
                f = InEnd();
                break;
            }
            if (f || m_stop)
                return f;
        }
    }

private:
    enum class Expect
    {
        Value,
        Key,
        Colon,
        CommaOrClose,
        End,
    };
    struct Open
    {
        char bracket;
        size_t at;
    };

    const std::string& m_s;
    size_t m_i = 0;
    Expect m_expect = Expect::Value;
    char m_prev = 0; // the last token: '{', '[', ',', ':', 'v' (a value) or 0 (none yet)
    std::vector<Open> m_stack;
    size_t m_last_comma = 0;
    size_t m_value_end = 0;                 // just past the last complete value: where a missing comma goes
    size_t m_top_close = 0;                 // where the top-level value ended
    bool m_last_value_was_text = false;     // the last complete value was a "text"
    size_t m_curly_end = std::string::npos; // a curly quote that seems to end the last text
    std::string m_last_key;
    size_t m_key_end = 0;
    size_t m_misaligned_open = std::string::npos; // the first bracket closed by a bracket not lined up with it
    size_t m_misaligned_close = std::string::npos;
    bool m_stop = false; // the scanner saw something it leaves to the parser

    std::string At(size_t offset) const
    {
        const auto [line, column] = JsonLineColumn(m_s, offset);
        return "line " + std::to_string(line) + ", column " + std::to_string(column);
    }

    void SkipSpace()
    {
        while (m_i < m_s.size() && IsJsonSpace(m_s[m_i]))
            m_i++;
    }

    size_t LineStart(size_t offset) const
    {
        const size_t newline = offset == 0 ? std::string::npos : m_s.rfind('\n', offset - 1);
        return newline == std::string::npos ? 0 : newline + 1;
    }
    bool StartsLine(size_t offset) const
    {
        for (size_t k = LineStart(offset); k < offset; k++)
            if (m_s[k] != ' ' && m_s[k] != '\t')
                return false;
        return true;
    }
    size_t Indentation(size_t offset) const
    {
        size_t k = LineStart(offset);
        const size_t start = k;
        while (k < m_s.size() && (m_s[k] == ' ' || m_s[k] == '\t'))
            k++;
        return k - start;
    }

    std::optional<Finding> Stop()
    {
        m_stop = true;
        return std::nullopt;
    }

    static char Closer(char opener) { return opener == '{' ? '}' : ']'; }

    // After a complete value: what the container (or the file) expects next.
    void ValueDone()
    {
        m_prev = 'v';
        m_value_end = m_i;
        if (m_stack.empty())
        {
            m_expect = Expect::End;
            m_top_close = m_i;
        }
        else
            m_expect = Expect::CommaOrClose;
    }

    Finding Latin1(size_t at) const
    {
        const unsigned char b = static_cast<unsigned char>(m_s[at]);
        const std::string meant = Windows1252Character(b);
        std::string message = "byte " + ByteName(b) + " is not UTF-8: the file was saved as Latin-1 or Windows-1252";
        if (!meant.empty())
            message += ", where " + ByteName(b) + " is '" + meant + "'";
        message += ". Save it as UTF-8 (in your editor: Save As, Encoding: UTF-8), then check the letter here";
        return {at, at, message};
    }

    // What may never stand outside a text: comments, curly quotes, invisible characters, bytes
    // that are not UTF-8.
    std::optional<Finding> NeverOutsideText()
    {
        const char c = m_s[m_i];
        const char next = m_i + 1 < m_s.size() ? m_s[m_i + 1] : '\0';
        if (c == '/' && (next == '/' || next == '*'))
            return Finding{m_i, m_i,
                           std::string("a comment ('") + (next == '/' ? "//" : "/* */") +
                               "'): JSON files cannot have comments; delete it (a note for editors can go in "
                               "the guide, not in the file)"};
        if (c == '#')
            return Finding{m_i, m_i,
                           "'#' does not start a comment in JSON (JSON files cannot have comments); delete it"};
        if (static_cast<unsigned char>(c) < 0x80 && c != 0x0B && c != 0x0C)
            return std::nullopt;
        uint32_t cp;
        const size_t len = DecodeUtf8(m_s, m_i, &cp);
        if (!len)
            return Latin1(m_i);
        if (IsCurlyQuote(cp))
            return Finding{m_i, m_i,
                           "curly quote '" + EncodeUtf8(cp) +
                               "' around a key or text: JSON needs straight double quotes (\"); retype it, and turn "
                               "off \"smart quotes\" in your editor"};
        if (const char* name = InvisibleName(cp))
            return Finding{m_i, m_i,
                           std::string(name) + " (" + CodePointName(cp) +
                               ") outside a text: it looks like a space (or like nothing) but JSON does not allow "
                               "it here; delete it and type an ordinary space if one is needed"};
        return Finding{m_i, m_i,
                       "'" + EncodeUtf8(cp) + "' (" + CodePointName(cp) +
                           ") outside a text: only { } [ ] : , texts in double quotes, numbers, true, false and "
                           "null may stand here"};
    }

    // A text from its opening quote; leaves m_i after the closing quote.
    std::optional<Finding> ScanText()
    {
        const size_t start = m_i++;
        size_t curly = std::string::npos;
        m_curly_end = std::string::npos;
        while (m_i < m_s.size())
        {
            const unsigned char b = static_cast<unsigned char>(m_s[m_i]);
            if (b == '"')
            {
                m_i++;
                m_curly_end = curly;
                return std::nullopt;
            }
            if (b == '\\')
            {
                const size_t slash = m_i++;
                if (m_i < m_s.size() && std::string("\"\\/bfnrtu").find(m_s[m_i]) == std::string::npos &&
                    static_cast<unsigned char>(m_s[m_i]) >= 0x20)
                    return Finding{slash, slash,
                                   "a backslash (\\) in a text starts a code such as \\n or \\\"; write \\\\ for a "
                                   "backslash itself, or use '/' in a path"};
                if (m_i < m_s.size())
                    m_i += CharLength(m_s, m_i);
                continue;
            }
            if (b == '\n' || b == '\r')
            {
                if (curly != std::string::npos)
                    return Finding{curly, m_i, CurlyEndMessage()};
                return Finding{m_i, m_i,
                               "this text (opened at " + At(start) +
                                   ") has no closing '\"' before the end of the line: add one (a line break inside "
                                   "a text is written \\n)"};
            }
            if (b == '\t')
                return Finding{m_i, m_i, "a tab character inside a text: write \\t, or type a space instead"};
            if (b < 0x20)
                return Finding{m_i, m_i,
                               "an invisible control character (" + CodePointName(b) + ") inside a text: delete it"};
            if (b >= 0x80)
            {
                uint32_t cp;
                const size_t len = DecodeUtf8(m_s, m_i, &cp);
                if (!len)
                    return Latin1(m_i);
                // A closing curly quote right before a comma, colon or bracket probably meant to end the text.
                if (IsClosingCurlyQuote(cp))
                {
                    size_t k = m_i + len;
                    while (k < m_s.size() && (m_s[k] == ' ' || m_s[k] == '\t'))
                        k++;
                    if (k >= m_s.size() || m_s[k] == ',' || m_s[k] == ':' || m_s[k] == '}' || m_s[k] == ']' ||
                        m_s[k] == '\n' || m_s[k] == '\r')
                        curly = m_i;
                }
                m_i += len;
                continue;
            }
            m_i++;
        }
        if (curly != std::string::npos)
            return Finding{curly, m_s.size(), CurlyEndMessage()};
        return Finding{start, m_s.size(), "this text has no closing '\"': the file ends first; add the '\"'"};
    }

    static std::string CurlyEndMessage()
    {
        return "this text starts with a straight quote (\") but ends with a curly one: JSON needs straight double "
               "quotes at both ends; retype it, and turn off \"smart quotes\" in your editor";
    }

    // A bare word or number: letters, digits and the characters of a number.
    std::string ScanWord()
    {
        const size_t start = m_i;
        while (m_i < m_s.size() &&
               (IsLetter(m_s[m_i]) || IsDigit(m_s[m_i]) || m_s[m_i] == '-' || m_s[m_i] == '+' || m_s[m_i] == '.'))
            m_i++;
        return m_s.substr(start, m_i - start);
    }

    std::optional<Finding> Mismatch(char closer)
    {
        const Open& open = m_stack.back();
        return Finding{open.at, m_i,
                       std::string("this '") + open.bracket + "' is not closed: at " + At(m_i) + " a '" + closer +
                           "' comes first; add '" + Closer(open.bracket) + "' before it (or delete a '" + closer +
                           "' too many)"};
    }

    std::optional<Finding> TrailingComma(char closer)
    {
        return Finding{m_last_comma, m_i,
                       std::string("a comma after the last item: delete this ',' (JSON allows no comma before '") +
                           closer + "')"};
    }

    std::optional<Finding> Close(char c)
    {
        if (m_stack.empty())
            return Finding{m_i, m_i, std::string("an extra '") + c + "': it closes nothing; delete it"};
        if (Closer(m_stack.back().bracket) != c)
            return Mismatch(c);
        // A closing bracket that starts its line but is not lined up with its opening bracket's
        // line probably belongs to an outer bracket: the one it closed lost its own.
        if (m_misaligned_open == std::string::npos && StartsLine(m_i) &&
            Indentation(m_i) != Indentation(m_stack.back().at))
        {
            m_misaligned_open = m_stack.back().at;
            m_misaligned_close = m_i;
        }
        m_stack.pop_back();
        m_i++;
        ValueDone();
        return std::nullopt;
    }

    std::optional<Finding> InValue()
    {
        const char c = m_s[m_i];
        if (c == '{' || c == '[')
        {
            m_stack.push_back({c, m_i});
            m_prev = c;
            m_i++;
            m_expect = c == '{' ? Expect::Key : Expect::Value;
            return std::nullopt;
        }
        if (c == '"')
        {
            if (std::optional<Finding> f = ScanText())
                return f;
            m_last_value_was_text = true;
            ValueDone();
            return std::nullopt;
        }
        if (c == '\'')
            return Finding{m_i, m_i,
                           "single quote: JSON needs double quotes (\") around keys and texts; replace both ' with \""};
        if (c == '-' || IsDigit(c) || IsLetter(c))
        {
            const size_t start = m_i;
            const std::string word = ScanWord();
            m_last_value_was_text = false;
            const size_t digits = word[0] == '-' ? 1 : 0;
            if (word.size() > digits + 1 && word[digits] == '0' && IsDigit(word[digits + 1]))
            {
                size_t first = word.find_first_not_of('0', digits);
                if (first == std::string::npos)
                    first = word.size() - 1; // "00" becomes "0"
                else if (!IsDigit(word[first]))
                    first--; // "00.5" becomes "0.5"
                return Finding{start, start,
                               "a number cannot start with 0: write " + word.substr(0, digits) + word.substr(first) +
                                   ", not " + word};
            }
            if (IsLetter(c) && word != "true" && word != "false" && word != "null")
            {
                if (word == "True" || word == "False" || word == "None" || word == "TRUE" || word == "FALSE" ||
                    word == "NULL" || word == "Null")
                    return Finding{start, start,
                                   "'" + word + "' is not a JSON value: write true, false or null, in lowercase"};
                return Finding{start, start,
                               "'" + word + "' is not a JSON value: a text needs double quotes around it (\"" + word +
                                   "\")"};
            }
            ValueDone();
            return std::nullopt;
        }
        if (c == '}' || c == ']')
        {
            if (m_prev == ',' && !m_stack.empty() && Closer(m_stack.back().bracket) == c)
                return TrailingComma(c);
            if (m_prev == ':')
                return Finding{m_i, m_i,
                               "the key '" + m_last_key + "' has no value: write one before this '" +
                                   std::string(1, c) + "'"};
            if (m_prev == '[' && c == ']')
                return Close(c);
            return Close(c);
        }
        if (c == ',')
        {
            if (m_prev == ',')
                return Finding{m_i, m_i, "two commas in a row: delete one"};
            if (m_prev == '[')
                return Finding{m_i, m_i, "a comma before the first item: delete it"};
            if (m_prev == ':')
                return Finding{m_i, m_i, "the key '" + m_last_key + "' has no value before this comma"};
        }
        return Stop();
    }

    std::optional<Finding> InKey()
    {
        const char c = m_s[m_i];
        if (c == '"')
        {
            const size_t start = m_i;
            if (std::optional<Finding> f = ScanText())
                return f;
            m_last_key = m_s.substr(start + 1, m_i - start - 2);
            m_key_end = m_i;
            m_prev = 'k';
            m_expect = Expect::Colon;
            return std::nullopt;
        }
        if (c == '}')
        {
            if (m_prev == ',')
                return TrailingComma(c);
            return Close(c);
        }
        if (c == ']')
            return Close(c);
        if (c == '\'')
            return Finding{m_i, m_i,
                           "single quote: JSON needs double quotes (\") around keys and texts; replace both ' with \""};
        if (IsLetter(c))
        {
            const size_t start = m_i;
            const std::string word = ScanWord();
            return Finding{start, start, "the key '" + word + "' needs double quotes around it: \"" + word + "\""};
        }
        if (c == ',')
            return Finding{m_i, m_i,
                           m_prev == ',' ? "two commas in a row: delete one"
                                         : "a comma before the first key: delete it"};
        return Stop();
    }

    std::optional<Finding> InColon()
    {
        if (m_s[m_i] == ':')
        {
            m_i++;
            m_prev = ':';
            m_expect = Expect::Value;
            return std::nullopt;
        }
        if (m_curly_end != std::string::npos)
            return Finding{m_curly_end, m_i, CurlyEndMessage()};
        return Finding{m_key_end, m_i,
                       "missing ':' after the key \"" + m_last_key + "\": write \"" + m_last_key + "\": and its value"};
    }

    std::optional<Finding> InCommaOrClose()
    {
        const char c = m_s[m_i];
        if (c == ',')
        {
            m_last_comma = m_i++;
            m_prev = ',';
            m_expect = m_stack.back().bracket == '{' ? Expect::Key : Expect::Value;
            return std::nullopt;
        }
        if (c == '}' || c == ']')
            return Close(c);
        if (m_curly_end != std::string::npos && m_last_value_was_text)
            return Finding{m_curly_end, m_i, CurlyEndMessage()};
        // "The "best" job": a letter right after a text's closing quote means a quote inside the text.
        if (IsLetter(c) && m_last_value_was_text && m_i == m_value_end)
            return Finding{m_value_end - 1, m_i,
                           "a '\"' inside a text ends it early: write \\\" for a quote inside a text (or use curly "
                           "quotes “ ” there)"};
        if (c == '"' || c == '{' || c == '[' || c == '-' || IsDigit(c) || IsLetter(c))
            return Finding{m_value_end, m_i,
                           "missing comma: put ',' here, between this item and the next (at " + At(m_i) + ")"};
        if (c == ':' && m_stack.back().bracket == '[')
        {
            // "list": [ ..., \n "next_key": ...: the list's ']' is missing before the next key.
            if (m_last_value_was_text)
                return Finding{m_stack.back().at, m_i,
                               "this '[' is not closed: the key before the ':' at " + At(m_i) +
                                   " comes first; add ']' before that key"};
            return Finding{m_i, m_i,
                           "':' inside a list [ ]: a list holds items, not \"key\": value pairs; use { } for those"};
        }
        return Stop();
    }

    std::optional<Finding> InEnd()
    {
        const char c = m_s[m_i];
        if (c == '}' || c == ']')
            return Finding{m_i, m_i,
                           std::string("an extra '") + c + "': the file's outer brackets already closed at " +
                               At(m_top_close > 0 ? m_top_close - 1 : 0) +
                               "; delete this one, or look for a bracket closed too early"};
        const size_t last = m_top_close > 0 ? m_top_close - 1 : 0;
        if (m_s[last] != '}' && m_s[last] != ']')
            return Finding{m_i, m_i,
                           "more after the end of the file's value, which ended at " + At(last) +
                               ": a content file holds one object, {...}"};
        return Finding{m_i, m_i,
                       "more after the end of the file's outer brackets, which closed at " + At(last) +
                           ": a bracket closed too early, or two objects in one file"};
    }

    std::optional<Finding> AtEnd()
    {
        if (m_stack.empty())
            return std::nullopt; // the structure is complete: the parser found a detail (a number, an escape)
        if (m_misaligned_open != std::string::npos)
        {
            const char bracket = m_s[m_misaligned_open];
            return Finding{m_misaligned_open, m_s.size(),
                           std::string("this '") + bracket + "' seems never to be closed: add its '" + Closer(bracket) +
                               "' (the '" + Closer(bracket) + "' at " + At(m_misaligned_close) +
                               " is lined up with an outer bracket, and the file ends with a bracket still open)"};
        }
        const Open& open = m_stack.back();
        return Finding{open.at, m_s.size(),
                       std::string("this '") + open.bracket + "' is never closed: add '" + Closer(open.bracket) +
                           "' (the file ends at " + At(m_s.size()) + " with it still open)"};
    }
};

bool OnlySpace(const std::string& s)
{
    for (char c : s)
        if (!IsJsonSpace(c))
            return false;
    return true;
}
} // namespace

// --- 3. DiagnoseJsonSyntax, SourceExcerpt ---------------------------------------------------------

JsonSyntaxDiagnosis DiagnoseJsonSyntax(const std::string& bytes, size_t parser_offset)
{
    JsonSyntaxDiagnosis out;
    if (OnlySpace(bytes))
    {
        out.found = true;
        out.message = "the file is empty: a content file holds one object, starting {\"schema_version\": 1, ... "
                      "(was it saved before it was written?)";
        return out;
    }
    SyntaxScanner scanner(bytes);
    const std::optional<Finding> f = scanner.Run();
    // The parser stops at the first character it cannot use; the scanner may notice one character
    // later (after a whole word). Anything it found further on, the parser found something before.
    if (!f || f->detected > parser_offset + 1)
        return out;
    out.found = true;
    out.offset = f->offset;
    out.detected = f->detected;
    out.message = f->message;
    return out;
}

std::string SourceExcerpt(const std::string& bytes, size_t offset)
{
    if (offset > bytes.size())
        offset = bytes.size();
    const size_t newline = offset == 0 ? std::string::npos : bytes.rfind('\n', offset - 1);
    const size_t begin = newline == std::string::npos ? 0 : newline + 1;
    size_t end = bytes.find('\n', offset);
    if (end == std::string::npos)
        end = bytes.size();
    if (end > begin && bytes[end - 1] == '\r')
        end--;
    // Characters of the line, and the index of the one at `offset`.
    std::vector<std::string> chars;
    size_t caret = 0;
    for (size_t i = begin; i < end; i += CharLength(bytes, i))
    {
        if (i <= offset)
            caret = chars.size();
        uint32_t cp;
        const size_t len = DecodeUtf8(bytes, i, &cp);
        if (!len)
        {
            const std::string meant = Windows1252Character(static_cast<unsigned char>(bytes[i]));
            chars.push_back(meant.empty() ? "\xEF\xBF\xBD" : meant);
        }
        else if (cp < 0x20 && cp != '\t')
            chars.push_back(" ");
        else
            chars.push_back(bytes.substr(i, len));
    }
    if (offset >= end)
        caret = chars.size(); // the end of the line: where a missing character goes
    bool blank = true;
    for (const std::string& c : chars)
        blank &= c == " " || c == "\t";
    if (blank && caret == 0)
        return {};
    // A long line is cut to a window around the caret.
    constexpr size_t kWindow = 100;
    size_t from = 0, to = chars.size();
    if (chars.size() > kWindow)
    {
        from = caret > kWindow / 2 ? caret - kWindow / 2 : 0;
        to = std::min(chars.size(), from + kWindow);
    }
    const auto [line, column] = JsonLineColumn(bytes, offset);
    (void)column;
    std::string number = std::to_string(line);
    while (number.size() < 5)
        number = " " + number;
    std::string text = from > 0 ? "..." : "";
    std::string under = from > 0 ? "   " : "";
    for (size_t k = from; k < to; k++)
    {
        text += chars[k];
        if (k < caret)
            under += chars[k] == "\t" ? "\t" : " ";
    }
    if (to < chars.size())
        text += "...";
    return number + " | " + text + "\n" + std::string(number.size(), ' ') + " | " + under + "^";
}
} // namespace kiosk::core
