#include "core/speech/speech_script.h"

#include "core/content/interface_strings.h"
#include "core/pathway/pathway_kinds.h"

#include <cmath>

namespace kiosk::core
{
namespace
{
// The language `text` is really shown in for `language` (LocalizedText::Get's fallback).
std::string ShownLanguage(const LocalizedText& text, const std::string& language)
{
    auto it = text.by_language.find(language);
    return it != text.by_language.end() && !it->second.empty() ? language : std::string(kDefaultLanguage);
}

std::string Trimmed(const std::string& s)
{
    const size_t a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos)
        return std::string();
    const size_t b = s.find_last_not_of(" \t\r\n");
    return s.substr(a, b - a + 1);
}

// A piece ends in a stop so the voice pauses after it.
std::string AsSentence(const std::string& s)
{
    std::string t = Trimmed(s);
    if (t.empty())
        return t;
    const char last = t.back();
    if (last != '.' && last != '!' && last != '?' && last != ':')
        t += '.';
    return t;
}

std::string Replace(std::string pattern, const std::string& token, const std::string& value)
{
    for (size_t at = pattern.find(token); at != std::string::npos; at = pattern.find(token, at + value.size()))
        pattern.replace(at, token.size(), value);
    return pattern;
}

// Builds a script: a piece joins the last segment when block and language match.
class ScriptBuilder
{
public:
    ScriptBuilder(const ContentPack& pack, const std::string& language, std::string target)
        : m_pack(pack), m_language(language)
    {
        m_script.target = std::move(target);
    }

    void Say(const std::string& block, const std::string& language, const std::string& text)
    {
        const std::string sentence = AsSentence(text);
        if (sentence.empty())
            return;
        if (!m_script.segments.empty() && m_script.segments.back().block == block &&
            m_script.segments.back().language == language)
        {
            m_script.segments.back().text += " " + sentence;
            return;
        }
        m_script.segments.push_back(SpeechSegment{block, language, sentence});
    }
    void Say(const std::string& block, const LocalizedText& text)
    {
        Say(block, ShownLanguage(text, m_language), text.Get(m_language));
    }
    void SayList(const std::string& block, const std::vector<LocalizedText>& items)
    {
        for (const LocalizedText& item : items)
            Say(block, item);
    }
    // A heading from the interface strings, only when the section has something to say.
    void Heading(const std::string& block, const char* key)
    {
        const SpeechSegment s = InterfaceSpeech(m_pack, key, m_language, block);
        Say(block, s.language, s.text);
    }
    const std::string& Language() const { return m_language; }
    SpeechScript Take() { return std::move(m_script); }

private:
    const ContentPack& m_pack;
    std::string m_language;
    SpeechScript m_script;
};

bool AllEmpty(const std::vector<LocalizedText>& items, const std::string& language)
{
    for (const LocalizedText& item : items)
        if (!Trimmed(item.Get(language)).empty())
            return false;
    return true;
}

void ListSection(ScriptBuilder& b, const char* block, const char* heading_key, const std::vector<LocalizedText>& items)
{
    if (AllEmpty(items, b.Language()))
        return;
    b.Heading(block, heading_key);
    b.SayList(block, items);
}
} // namespace

std::string SpeechScript::FullText() const
{
    std::string out;
    for (const SpeechSegment& s : segments)
        out += (out.empty() ? "" : " ") + s.text;
    return out;
}

std::string SpeechTarget::Key() const
{
    switch (kind)
    {
    case Kind::None:
        return std::string();
    case Kind::Role:
        return "role:" + id;
    case Kind::Photo:
        return "photo:" + id;
    case Kind::PathwayNode:
        return "node:" + id;
    case Kind::GlossaryTerm:
        return "term:" + id;
    case Kind::StillThere:
        return "still-there";
    }
    return std::string();
}

std::string VoiceFor(const std::string& language)
{
    return language == "en" ? "en-gb" : language;
}

SpeechSegment InterfaceSpeech(const ContentPack& pack, const std::string& key, const std::string& language,
                              const std::string& block)
{
    auto it = pack.strings.by_key.find(key);
    if (it != pack.strings.by_key.end() && !it->second.Get(language).empty())
        return SpeechSegment{block, ShownLanguage(it->second, language), it->second.Get(language)};
    const InterfaceString* s = FindInterfaceString(key);
    return SpeechSegment{block, kDefaultLanguage, s ? s->english : key};
}

SpeechScript RoleSpeech(const ContentPack& pack, const Role& role, const std::string& language)
{
    ScriptBuilder b(pack, language, SpeechTarget{SpeechTarget::Kind::Role, role.id, 0}.Key());
    b.Say("summary", role.title);
    if (!role.parent.empty())
        if (const Role* parent = pack.FindRole(role.parent))
        {
            // As the page shows it: "Clinical engineer: Specialisms".
            const SpeechSegment spec = InterfaceSpeech(pack, "role.specialisms", language, "summary");
            const std::string parent_language = ShownLanguage(parent->title, language);
            b.Say("summary", parent_language == spec.language ? spec.language : parent_language,
                  parent->title.Get(language) + ": " + spec.text);
        }
    b.Say("summary", role.summary);
    ListSection(b, "what_you_do", "role.what_you_do", role.what_you_do);
    ListSection(b, "where_you_work", "role.where_you_work", role.where_you_work);
    ListSection(b, "skills", "role.skills", role.skills);
    if (!role.pay.empty())
    {
        b.Heading("pay", "role.pay");
        for (const PayBand& band : role.pay)
        {
            std::string head = band.label.Get(language);
            if (!band.band.empty())
                head += head.empty() ? band.band : ", " + band.band;
            b.Say("pay", ShownLanguage(band.label, language), head);
            b.Say("pay", band.range);
        }
    }
    if (!Trimmed(role.hours.Get(language)).empty())
    {
        b.Heading("hours", "role.hours");
        b.Say("hours", role.hours);
    }
    ListSection(b, "working_patterns", "role.working_patterns", role.working_patterns);
    if (!role.entry_routes.empty())
    {
        b.Heading("entry_routes", "role.entry_routes");
        for (const EntryRoute& route : role.entry_routes)
        {
            b.Say("entry_routes", route.title);
            b.Say("entry_routes", route.text);
        }
    }
    ListSection(b, "also_known_as", "role.also_known_as", role.also_known_as);
    ListSection(b, "good_to_know", "role.good_to_know", role.good_to_know);
    ListSection(b, "professional_bodies", "role.professional_bodies", role.professional_bodies);
    return b.Take();
}

SpeechScript PhotoSpeech(const ContentPack& pack, const Photo& photo, const std::string& language)
{
    ScriptBuilder b(pack, language, SpeechTarget{SpeechTarget::Kind::Photo, photo.id, 0}.Key());
    b.Say("caption", photo.caption);
    b.Say("description", photo.description);
    return b.Take();
}

SpeechScript PathwayNodeSpeech(const ContentPack& pack, const PathwayNode& node, const std::string& language)
{
    ScriptBuilder b(pack, language, SpeechTarget{SpeechTarget::Kind::PathwayNode, node.id, 0}.Key());
    const SpeechSegment kind = InterfaceSpeech(pack, PathwayNodeKindKey(node.kind), language, "title");
    b.Say("title", kind.language, kind.text);
    b.Say("title", node.title);
    b.Say("detail", node.detail);
    if (!Trimmed(node.duration.Get(language)).empty())
    {
        b.Heading("duration", "pathway.duration");
        b.Say("duration", node.duration);
    }
    if (!Trimmed(node.requirements.Get(language)).empty())
    {
        b.Heading("requirements", "pathway.requirements");
        b.Say("requirements", node.requirements);
    }
    bool leads = false;
    for (const std::string& id : node.roles)
        if (const Role* role = pack.FindRole(id))
        {
            if (!leads)
                b.Heading("leads_to", "pathway.leads_to");
            leads = true;
            b.Say("leads_to", role->title);
        }
    bool next = false;
    for (const PathwayEdge& edge : pack.pathway.edges)
        if (edge.from == node.id)
            if (const PathwayNode* to = pack.pathway.FindNode(edge.to))
            {
                if (!next)
                    b.Heading("next_steps", "pathway.next_steps");
                next = true;
                const std::string& condition = edge.condition.Get(language);
                if (condition.empty())
                    b.Say("next_steps", to->title);
                else
                    b.Say("next_steps", ShownLanguage(to->title, language),
                          to->title.Get(language) + ", " + Trimmed(condition));
            }
    return b.Take();
}

SpeechScript GlossarySpeech(const ContentPack& pack, const GlossaryTerm& term, const std::string& language)
{
    ScriptBuilder b(pack, language, SpeechTarget{SpeechTarget::Kind::GlossaryTerm, term.id, 0}.Key());
    b.Say("term", term.term);
    b.Say("definition", term.definition);
    return b.Take();
}

SpeechScript CountdownSpeech(const ContentPack& pack, const std::string& language, int seconds_left)
{
    SpeechScript script;
    script.target = SpeechTarget{SpeechTarget::Kind::StillThere, "", 0}.Key();
    if (seconds_left <= 0)
        return script;
    if (seconds_left < 5)
    {
        script.segments.push_back(SpeechSegment{"countdown", language, std::to_string(seconds_left)});
        return script;
    }
    SpeechSegment s = InterfaceSpeech(pack, "idle.seconds_left", language, "countdown");
    s.text = AsSentence(Replace(s.text, "{n}", std::to_string(seconds_left)));
    script.segments.push_back(s);
    return script;
}

SpeechScript StillThereSpeech(const ContentPack& pack, const std::string& language, int seconds_left)
{
    ScriptBuilder b(pack, language, SpeechTarget{SpeechTarget::Kind::StillThere, "", 0}.Key());
    for (const char* key : {"idle.still_there", "idle.tap_to_continue"})
    {
        const SpeechSegment s = InterfaceSpeech(pack, key, language, "prompt");
        b.Say("prompt", s.language, s.text);
    }
    SpeechScript script = b.Take();
    for (const SpeechSegment& s : CountdownSpeech(pack, language, seconds_left).segments)
        script.segments.push_back(s);
    return script;
}

SpeechTarget ScreenSpeechTarget(const VisitState& state, const ContentPack& pack)
{
    using Kind = SpeechTarget::Kind;
    if (!state.glossary_term.empty())
        return {Kind::GlossaryTerm, state.glossary_term, 0};
    switch (state.screen)
    {
    case ScreenId::Role:
        return {Kind::Role, state.role_id, 0};
    case ScreenId::Gallery:
    {
        const std::vector<const Photo*> photos = GalleryPhotos(state, pack);
        if (photos.empty())
            return {};
        const int index = WrapIndex(state.gallery_index, static_cast<int>(photos.size()));
        return {Kind::Photo, photos[static_cast<size_t>(index)]->id, 0};
    }
    case ScreenId::Pathway:
        if (!state.pathway.selected.empty())
            return {Kind::PathwayNode, state.pathway.selected, 0};
        return {};
    default:
        return {};
    }
}

SpeechScript ScriptFor(const ContentPack& pack, const SpeechTarget& target, const std::string& language)
{
    switch (target.kind)
    {
    case SpeechTarget::Kind::Role:
        if (const Role* role = pack.FindRole(target.id))
            return RoleSpeech(pack, *role, language);
        break;
    case SpeechTarget::Kind::Photo:
        if (const Photo* photo = pack.FindPhoto(target.id))
            return PhotoSpeech(pack, *photo, language);
        break;
    case SpeechTarget::Kind::PathwayNode:
        if (const PathwayNode* node = pack.pathway.FindNode(target.id))
            return PathwayNodeSpeech(pack, *node, language);
        break;
    case SpeechTarget::Kind::GlossaryTerm:
        if (const GlossaryTerm* term = pack.glossary.Find(target.id))
            return GlossarySpeech(pack, *term, language);
        break;
    case SpeechTarget::Kind::StillThere:
        return StillThereSpeech(pack, language, target.seconds);
    case SpeechTarget::Kind::None:
        break;
    }
    return SpeechScript{};
}

int CountdownCallout(double before_s, double now_s)
{
    if (!std::isfinite(before_s) || !std::isfinite(now_s) || now_s >= before_s)
        return 0;
    // The whole seconds shown: the overlay shows ceil(time left).
    const int from = static_cast<int>(std::ceil(before_s));
    const int to = static_cast<int>(std::ceil(now_s));
    // Several marks passed in one step (a stalled frame): call out the latest only.
    for (int n = to; n < from; ++n)
        if (n > 0 && (n % 5 == 0 || n <= 3))
            return n;
    return 0;
}
} // namespace kiosk::core
