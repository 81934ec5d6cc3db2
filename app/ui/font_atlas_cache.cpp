#include "ui/font_atlas_cache.h"

#include "ui/fonts.h"

#include <cmath>
#include <cstring>
#include <sys/stat.h>
#include <type_traits>

namespace kiosk::ui
{
namespace
{
// The entry: this header, the key, then the body (HashBytes of the body in body_hash):
//   TexUvWhitePixel, TexUvLines[], the custom rectangles, each font's metrics and glyph count,
//   each font's glyphs, then TexWidth * TexHeight Alpha8 pixels.
struct Header
{
    char magic[4] = {'K', 'F', 'A', '1'};
    std::uint32_t version = kFontAtlasCacheVersion;
    std::uint32_t key_bytes = 0;
    std::int32_t width = 0, height = 0;
    std::int32_t pack_id_cursors = -1, pack_id_lines = -1;
    std::uint32_t custom_rects = 0;
    std::uint64_t body_hash = 0;
};
static_assert(sizeof(Header) == 40, "the header is written as it is in memory");

constexpr int kFontCount = 5;

struct FontMetrics
{
    float size = 0, ascent = 0, descent = 0;
    std::int32_t total_surface = 0;
    std::uint32_t glyphs = 0;
    ImWchar fallback = 0, ellipsis = 0, dot = 0, unused = 0;
};

// A custom rectangle without its font pointer (the atlas's own ones have none).
struct Rect
{
    unsigned short w, h, x, y;
};

template <typename T> void Append(std::vector<unsigned char>& out, const T* items, size_t count)
{
    static_assert(std::is_trivially_copyable<T>::value, "written as it is in memory");
    const unsigned char* p = reinterpret_cast<const unsigned char*>(items);
    out.insert(out.end(), p, p + sizeof(T) * count);
}

// Reads from the body in order; any read past its end makes Ok() false for good.
class Reader
{
public:
    Reader(const unsigned char* at, size_t size) : m_at(at), m_left(size) {}
    template <typename T> bool Take(T* items, size_t count)
    {
        const size_t bytes = sizeof(T) * count;
        if (!m_ok || bytes > m_left || (count && bytes / count != sizeof(T)))
            return m_ok = false;
        std::memcpy(items, m_at, bytes);
        m_at += bytes;
        m_left -= bytes;
        return true;
    }
    bool Done() const { return m_ok && m_left == 0; }

private:
    const unsigned char* m_at;
    size_t m_left;
    bool m_ok = true;
};

ImFont** FontSlots(Fonts& f, int i)
{
    ImFont** slots[kFontCount] = {&f.body, &f.body_bold, &f.heading, &f.title, &f.display};
    return slots[i];
}

void AppendFileIdentity(std::string& key, const std::string& path)
{
    struct stat st;
    if (path.empty() || stat(path.c_str(), &st) != 0)
    {
        key.clear();
        return;
    }
    key += path;
    key += '\n';
    const long long parts[] = {static_cast<long long>(st.st_dev), static_cast<long long>(st.st_ino),
                               static_cast<long long>(st.st_size), static_cast<long long>(st.st_mtim.tv_sec),
                               static_cast<long long>(st.st_mtim.tv_nsec)};
    key.append(reinterpret_cast<const char*>(parts), sizeof(parts));
}
} // namespace

std::string FontAtlasCacheKey(const std::string& regular_ttf, const std::string& bold_ttf, float em,
                              const std::vector<ImWchar>& ranges)
{
    std::string key = "imgui " IMGUI_VERSION "\n";
    const std::uint32_t layout[] = {kFontAtlasCacheVersion, static_cast<std::uint32_t>(sizeof(ImFontGlyph)),
                                    static_cast<std::uint32_t>(sizeof(ImWchar))};
    key.append(reinterpret_cast<const char*>(layout), sizeof(layout));
    key.append(reinterpret_cast<const char*>(&em), sizeof(em));
    key.append(reinterpret_cast<const char*>(ranges.data()), ranges.size() * sizeof(ImWchar));
    AppendFileIdentity(key, regular_ttf);
    if (!key.empty())
        AppendFileIdentity(key, bold_ttf);
    return key;
}

void StoreFontAtlas(core::FileCache& cache, const std::string& key, const ImFontAtlas& atlas, const Fonts& fonts)
{
    if (key.empty() || !fonts.Ok() || fonts.built_in || !fonts.warning.empty() || !atlas.TexPixelsAlpha8 ||
        atlas.Fonts.Size != kFontCount)
        return;
    Fonts slots = fonts;
    std::vector<unsigned char> body;
    Append(body, &atlas.TexUvWhitePixel, 1);
    Append(body, atlas.TexUvLines, IM_ARRAYSIZE(atlas.TexUvLines));
    for (const ImFontAtlasCustomRect& r : atlas.CustomRects)
    {
        if (r.Font != nullptr) // a glyph of ours in the atlas: not something this cache can restore
            return;
        const Rect rect{r.Width, r.Height, r.X, r.Y};
        Append(body, &rect, 1);
    }
    for (int i = 0; i < kFontCount; i++)
    {
        const ImFont* font = atlas.Fonts[i];
        if (font != *FontSlots(slots, i))
            return;
        FontMetrics m;
        m.size = font->FontSize;
        m.ascent = font->Ascent;
        m.descent = font->Descent;
        m.total_surface = font->MetricsTotalSurface;
        m.glyphs = static_cast<std::uint32_t>(font->Glyphs.Size);
        m.fallback = font->FallbackChar;
        m.ellipsis = font->EllipsisChar;
        m.dot = font->DotChar;
        Append(body, &m, 1);
    }
    for (const ImFont* font : atlas.Fonts)
        Append(body, font->Glyphs.Data, static_cast<size_t>(font->Glyphs.Size));
    Append(body, atlas.TexPixelsAlpha8, static_cast<size_t>(atlas.TexWidth) * static_cast<size_t>(atlas.TexHeight));

    Header h;
    h.key_bytes = static_cast<std::uint32_t>(key.size());
    h.width = atlas.TexWidth;
    h.height = atlas.TexHeight;
    h.pack_id_cursors = atlas.PackIdMouseCursors;
    h.pack_id_lines = atlas.PackIdLines;
    h.custom_rects = static_cast<std::uint32_t>(atlas.CustomRects.Size);
    h.body_hash = core::HashBytes(body.data(), body.size());
    std::vector<unsigned char> head(sizeof(h) + key.size());
    std::memcpy(head.data(), &h, sizeof(h));
    std::memcpy(head.data() + sizeof(h), key.data(), key.size());
    cache.Write(core::KeyedEntryName(key), head.data(), head.size(), body.data(), body.size());
}

bool LoadFontAtlas(const core::FileCache& cache, const std::string& key, ImFontAtlas* atlas, Fonts* fonts)
{
    if (key.empty())
        return false;
    const std::string name = core::KeyedEntryName(key);
    std::vector<unsigned char> data;
    if (!cache.Read(name, &data))
        return false;
    const auto miss = [&]()
    {
        cache.Discard(name); // stale, foreign or damaged: bake again
        atlas->Clear();
        return false;
    };
    Header h;
    const Header expected;
    if (data.size() < sizeof(h))
        return miss();
    std::memcpy(&h, data.data(), sizeof(h));
    if (std::memcmp(h.magic, expected.magic, 4) != 0 || h.version != kFontAtlasCacheVersion ||
        h.key_bytes != key.size() || data.size() < sizeof(h) + key.size() ||
        std::memcmp(data.data() + sizeof(h), key.data(), key.size()) != 0 || h.width <= 0 || h.height <= 0 ||
        h.width > kMaxAtlasSide || h.height > kMaxAtlasSide || h.custom_rects > 16)
        return miss();
    const unsigned char* body = data.data() + sizeof(h) + key.size();
    const size_t body_size = data.size() - sizeof(h) - key.size();
    if (core::HashBytes(body, body_size) != h.body_hash)
        return miss();

    atlas->Clear();
    Reader in(body, body_size);
    in.Take(&atlas->TexUvWhitePixel, 1);
    in.Take(atlas->TexUvLines, IM_ARRAYSIZE(atlas->TexUvLines));
    for (std::uint32_t i = 0; i < h.custom_rects; i++)
    {
        Rect rect{};
        in.Take(&rect, 1);
        ImFontAtlasCustomRect r;
        r.Width = rect.w;
        r.Height = rect.h;
        r.X = rect.x;
        r.Y = rect.y;
        atlas->CustomRects.push_back(r);
    }
    FontMetrics metrics[kFontCount];
    in.Take(metrics, kFontCount);
    for (const FontMetrics& m : metrics)
        if (!std::isfinite(m.size) || m.size <= 0 || m.glyphs == 0 || m.glyphs >= 0xFFFF)
            return miss();
    Fonts restored;
    for (int i = 0; i < kFontCount; i++)
    {
        ImFont* font = IM_NEW(ImFont);
        atlas->Fonts.push_back(font);
        font->ContainerAtlas = atlas;
        font->FontSize = metrics[i].size;
        font->Ascent = metrics[i].ascent;
        font->Descent = metrics[i].descent;
        font->MetricsTotalSurface = metrics[i].total_surface;
        font->FallbackChar = metrics[i].fallback;
        font->EllipsisChar = metrics[i].ellipsis;
        font->DotChar = metrics[i].dot;
        font->Glyphs.resize(static_cast<int>(metrics[i].glyphs));
        if (!in.Take(font->Glyphs.Data, metrics[i].glyphs))
            return miss();
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Codepoint > IM_UNICODE_CODEPOINT_MAX)
                return miss();
        font->BuildLookupTable();
        *FontSlots(restored, i) = font;
    }
    const size_t pixels = static_cast<size_t>(h.width) * static_cast<size_t>(h.height);
    atlas->TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(pixels));
    if (!in.Take(atlas->TexPixelsAlpha8, pixels) || !in.Done())
        return miss();
    atlas->TexWidth = h.width;
    atlas->TexHeight = h.height;
    atlas->TexUvScale = ImVec2(1.0f / static_cast<float>(h.width), 1.0f / static_cast<float>(h.height));
    atlas->PackIdMouseCursors = h.pack_id_cursors;
    atlas->PackIdLines = h.pack_id_lines;
    atlas->TexReady = true;
    cache.MarkUsed(name);

    restored.em = fonts->em;
    restored.partial = fonts->partial;
    restored.ranges = fonts->ranges;
    restored.atlas_width = h.width;
    restored.atlas_height = h.height;
    *fonts = std::move(restored);
    return true;
}
} // namespace kiosk::ui
