#include "core/visit/screen_name.h"

#include <cstdlib>

namespace kiosk::core
{
namespace
{
struct FixedName
{
    const char* text;
    ScreenName::Kind kind;
};

// Names without an argument. Role needs one; Gallery and Pathway may have one.
constexpr FixedName kFixedNames[] = {
    {"home", ScreenName::Kind::Home},
    {"gallery", ScreenName::Kind::Gallery},
    {"pathway", ScreenName::Kind::Pathway},
    {"attract", ScreenName::Kind::Attract},
    {"still-there", ScreenName::Kind::StillThere},
    {"fault", ScreenName::Kind::Fault},
    {"admin:pin", ScreenName::Kind::AdminPin},
    {"admin:panel", ScreenName::Kind::AdminPanel},
    {"admin:touch-test", ScreenName::Kind::AdminTouchTest},
    {"quiz:result", ScreenName::Kind::QuizResult},
};

bool HasPrefix(const std::string& s, const char* prefix, std::string* rest)
{
    const std::string p = prefix;
    if (s.compare(0, p.size(), p) != 0)
        return false;
    *rest = s.substr(p.size());
    return true;
}
} // namespace

// One list, two readers: every error message about a screen name, and the preview's --help.
constexpr const char* kPreviewScreens = "home, role:ID, gallery, gallery:N, pathway, pathway:NODE, quiz, quiz:N, "
                                        "quiz:result, attract, attract:N, still-there, fault";

const char* ScreenNameGrammar()
{
    static const std::string all = std::string(kPreviewScreens) + ", admin:pin, admin:panel, admin:touch-test";
    return all.c_str();
}

const char* PreviewScreenGrammar()
{
    return kPreviewScreens;
}

bool CanPreview(const ScreenName& name)
{
    return name.kind != ScreenName::Kind::AdminPin && name.kind != ScreenName::Kind::AdminPanel &&
           name.kind != ScreenName::Kind::AdminTouchTest;
}

bool ParseScreenName(const std::string& text, ScreenName* out, std::string* error)
{
    *out = ScreenName{};
    for (const FixedName& f : kFixedNames)
        if (text == f.text)
        {
            out->kind = f.kind;
            return true;
        }
    std::string rest;
    if (HasPrefix(text, "role:", &rest) && !rest.empty())
    {
        out->kind = ScreenName::Kind::Role;
        out->arg = rest;
        return true;
    }
    if (HasPrefix(text, "gallery:", &rest) && !rest.empty() && rest.size() <= 6 &&
        rest.find_first_not_of("0123456789") == std::string::npos)
    {
        out->kind = ScreenName::Kind::Gallery;
        out->index = std::atoi(rest.c_str());
        return true;
    }
    if (text == "quiz")
    {
        out->kind = ScreenName::Kind::Quiz;
        out->index = 1;
        return true;
    }
    if (HasPrefix(text, "quiz:", &rest) && !rest.empty() && rest.size() <= 2 &&
        rest.find_first_not_of("0123456789") == std::string::npos && std::atoi(rest.c_str()) >= 1)
    {
        out->kind = ScreenName::Kind::Quiz;
        out->index = std::atoi(rest.c_str());
        return true;
    }
    if (HasPrefix(text, "attract:", &rest) && !rest.empty() && rest.size() <= 3 &&
        rest.find_first_not_of("0123456789") == std::string::npos && std::atoi(rest.c_str()) >= 1)
    {
        out->kind = ScreenName::Kind::Attract;
        out->index = std::atoi(rest.c_str());
        return true;
    }
    if (HasPrefix(text, "pathway:", &rest) && !rest.empty())
    {
        out->kind = ScreenName::Kind::Pathway;
        out->arg = rest;
        return true;
    }
    *error = "'" + text + "' is not one of " + ScreenNameGrammar();
    return false;
}

std::string FormatScreenName(const ScreenName& name)
{
    switch (name.kind)
    {
    case ScreenName::Kind::Role:
        return "role:" + name.arg;
    case ScreenName::Kind::Gallery:
        return "gallery:" + std::to_string(name.index);
    case ScreenName::Kind::Pathway:
        return name.arg.empty() ? std::string("pathway") : "pathway:" + name.arg;
    case ScreenName::Kind::Quiz:
        return "quiz:" + std::to_string(name.index);
    case ScreenName::Kind::Attract:
        return name.index >= 1 ? "attract:" + std::to_string(name.index) : std::string("attract");
    default:
        for (const FixedName& f : kFixedNames)
            if (f.kind == name.kind)
                return f.text;
    }
    return "home";
}

std::string ScreenKey(const VisitState& state)
{
    ScreenName name;
    switch (state.screen)
    {
    case ScreenId::Home:
        break;
    case ScreenId::Role:
        name.kind = ScreenName::Kind::Role;
        name.arg = state.role_id;
        break;
    case ScreenId::Gallery:
        name.kind = ScreenName::Kind::Gallery;
        name.index = state.gallery_index;
        break;
    case ScreenId::Pathway:
        name.kind = ScreenName::Kind::Pathway; // the flowchart is one screen, whatever is lit
        break;
    case ScreenId::Quiz:
        name.kind = state.quiz.Finished() ? ScreenName::Kind::QuizResult : ScreenName::Kind::Quiz;
        name.index = static_cast<int>(state.quiz.Question()) + 1;
        break;
    }
    return FormatScreenName(name);
}
} // namespace kiosk::core
