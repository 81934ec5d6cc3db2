// Index
//   1. The key: the folder's entries, links followed
//   2. Encoding: every member of the model, by aggregate_fields.h
//   3. Cache entries
#include "core/content/content_snapshot.h"

#include "core/content/aggregate_fields.h"
#include "core/images/file_cache.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <map>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::core
{
namespace
{
// --- 1. The key -------------------------------------------------------------------------------------

constexpr int kMaxEntries = 20000;

void AppendNumbers(std::string& key, std::initializer_list<long long> numbers)
{
    for (long long n : numbers)
        key.append(reinterpret_cast<const char*>(&n), sizeof(n));
}

void AppendIdentity(std::string& key, const struct stat& st)
{
    AppendNumbers(key, {static_cast<long long>(st.st_mode), static_cast<long long>(st.st_dev),
                        static_cast<long long>(st.st_ino), static_cast<long long>(st.st_size),
                        static_cast<long long>(st.st_mtim.tv_sec), static_cast<long long>(st.st_mtim.tv_nsec),
                        static_cast<long long>(st.st_ctim.tv_sec), static_cast<long long>(st.st_ctim.tv_nsec)});
}

// Appends every entry under `folder`, sorted by name, depth first: its path relative to the
// pack, for a link its target and its own identity, then the identity of what it names. A folder
// is listed once however many links lead to it. False when any folder cannot be listed or there
// are too many entries.
bool AppendFolder(std::string& key, const std::string& folder, const std::string& relative,
                  std::set<std::pair<dev_t, ino_t>>& listed, int& budget)
{
    std::vector<std::string> names;
    DIR* dir = opendir(folder.c_str());
    if (!dir)
        return false;
    while (dirent* entry = readdir(dir))
        if (std::strcmp(entry->d_name, ".") != 0 && std::strcmp(entry->d_name, "..") != 0)
            names.push_back(entry->d_name);
    closedir(dir);
    std::sort(names.begin(), names.end());
    for (const std::string& name : names)
    {
        if (--budget < 0)
            return false;
        const std::string path = folder + "/" + name;
        const std::string rel = relative + name;
        key += rel;
        key += '\0';
        struct stat st;
        if (lstat(path.c_str(), &st) != 0)
            return false;
        if (S_ISLNK(st.st_mode))
        {
            char target[PATH_MAX];
            const ssize_t n = readlink(path.c_str(), target, sizeof(target));
            if (n < 0)
                return false;
            key.append(target, static_cast<size_t>(n));
            key += '\0';
            AppendIdentity(key, st);
            if (stat(path.c_str(), &st) != 0)
            {
                key += "dangling";
                continue;
            }
        }
        AppendIdentity(key, st);
        if (S_ISDIR(st.st_mode) && listed.insert({st.st_dev, st.st_ino}).second &&
            !AppendFolder(key, path, rel + "/", listed, budget))
            return false;
    }
    return true;
}

// --- 2. Encoding --------------------------------------------------------------------------------------
// Numbers and enums as they are in memory (the key holds the program, so writer and reader agree
// on their layout), a string or container as its size then its items, an aggregate as its members.

template <typename T> struct IsVector : std::false_type
{
};
template <typename T> struct IsVector<std::vector<T>> : std::true_type
{
};
template <typename T> struct IsMap : std::false_type
{
};
template <typename K, typename V> struct IsMap<std::map<K, V>> : std::true_type
{
};
template <typename T> struct IsPair : std::false_type
{
};
template <typename A, typename B> struct IsPair<std::pair<A, B>> : std::true_type
{
};

class Writer
{
public:
    std::vector<unsigned char> bytes;

    template <typename T> void Put(const T& value)
    {
        if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>)
            Raw(&value, sizeof(value));
        else if constexpr (std::is_same_v<T, std::string>)
        {
            Size(value.size());
            Raw(value.data(), value.size());
        }
        else if constexpr (IsVector<T>::value)
        {
            Size(value.size());
            for (const auto& item : value)
                Put(item);
        }
        else if constexpr (IsMap<T>::value)
        {
            Size(value.size());
            for (const auto& [k, v] : value)
            {
                Put(k);
                Put(v);
            }
        }
        else if constexpr (IsPair<T>::value)
        {
            Put(value.first);
            Put(value.second);
        }
        else
            fields::VisitFields(value, [this](const auto& member) { Put(member); });
    }

private:
    void Size(size_t n) { Put(static_cast<std::uint64_t>(n)); }
    void Raw(const void* data, size_t n)
    {
        const unsigned char* p = static_cast<const unsigned char*>(data);
        bytes.insert(bytes.end(), p, p + n);
    }
};

// Reads what Writer wrote. Any read past the end, or a count larger than the bytes left (every
// item takes at least one), makes Ok() false for good; later reads then do nothing.
class Reader
{
public:
    Reader(const unsigned char* at, size_t size) : m_at(at), m_left(size) {}
    bool Done() const { return m_ok && m_left == 0; }

    template <typename T> void Get(T& value)
    {
        if constexpr (std::is_same_v<T, bool>)
        {
            unsigned char b = 0;
            Raw(&b, 1);
            m_ok = m_ok && b <= 1;
            value = b == 1;
        }
        else if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>)
            Raw(&value, sizeof(value));
        else if constexpr (std::is_same_v<T, std::string>)
        {
            const size_t n = Size();
            if (m_ok)
                value.assign(reinterpret_cast<const char*>(m_at), n);
            Skip(n);
        }
        else if constexpr (IsVector<T>::value)
        {
            // Grown one item at a time: each item read takes some bytes, so damaged counts cannot
            // make it allocate far beyond the entry's size.
            const size_t n = Size();
            value.clear();
            for (size_t i = 0; i < n && m_ok; i++)
                Get(value.emplace_back());
        }
        else if constexpr (IsMap<T>::value)
        {
            const size_t n = Size();
            value.clear();
            for (size_t i = 0; i < n && m_ok; i++)
            {
                typename T::key_type k{};
                typename T::mapped_type v{};
                Get(k);
                Get(v);
                value.emplace_hint(value.end(), std::move(k), std::move(v));
            }
        }
        else if constexpr (IsPair<T>::value)
        {
            Get(value.first);
            Get(value.second);
        }
        else
            fields::VisitFields(value, [this](auto& member) { Get(member); });
    }

private:
    size_t Size()
    {
        std::uint64_t n = 0;
        Raw(&n, sizeof(n));
        if (n > m_left)
            m_ok = false;
        return m_ok ? static_cast<size_t>(n) : 0;
    }
    void Raw(void* out, size_t n)
    {
        if (!m_ok || n > m_left)
        {
            m_ok = false;
            return;
        }
        std::memcpy(out, m_at, n);
        Skip(n);
    }
    void Skip(size_t n)
    {
        if (!m_ok || n > m_left)
        {
            m_ok = false;
            return;
        }
        m_at += n;
        m_left -= n;
    }

    const unsigned char* m_at;
    size_t m_left;
    bool m_ok = true;
};

// The snapshot format's kind and version: bump the digit when the encoding changes. A change to
// the model needs no bump, as the key holds the program that wrote it.
constexpr char kMagic[4] = {'K', 'C', 'S', '1'};
} // namespace

std::string ContentSnapshotKey(const std::string& folder, const std::string& program_id, const std::string& options)
{
    char buffer[PATH_MAX];
    if (program_id.empty() || !realpath(folder.c_str(), buffer))
        return {};
    std::string key = "careers-kiosk content snapshot\n";
    key += program_id;
    key += '\0';
    key += options;
    key += '\0';
    key += buffer;
    key += '\0';
    struct stat st;
    if (stat(buffer, &st) != 0)
        return {};
    AppendIdentity(key, st);
    std::set<std::pair<dev_t, ino_t>> listed{{st.st_dev, st.st_ino}};
    int budget = kMaxEntries;
    if (!AppendFolder(key, buffer, "", listed, budget))
        return {};
    return key;
}

// The texts last, after the size of everything before them, so a reader can stop there.
static_assert(fields::FieldCount<PackSnapshot>() == 5, "a member added to PackSnapshot needs its line here");

std::vector<unsigned char> EncodePackSnapshot(const PackSnapshot& snapshot)
{
    Writer w;
    w.Put(std::uint64_t{0});
    w.Put(snapshot.pack);
    w.Put(snapshot.diagnostics);
    w.Put(snapshot.images_to_probe);
    w.Put(snapshot.score_quiz);
    const std::uint64_t texts_at = w.bytes.size();
    std::memcpy(w.bytes.data(), &texts_at, sizeof(texts_at));
    w.Put(snapshot.texts);
    return std::move(w.bytes);
}

bool DecodePackSnapshot(const unsigned char* bytes, size_t size, PackSnapshot* out, size_t* texts_at)
{
    std::uint64_t at = 0;
    if (size < sizeof(at))
        return false;
    std::memcpy(&at, bytes, sizeof(at));
    if (at < sizeof(at) || at > size)
        return false;
    Reader head(bytes + sizeof(at), at - sizeof(at));
    head.Get(out->pack);
    head.Get(out->diagnostics);
    head.Get(out->images_to_probe);
    head.Get(out->score_quiz);
    if (!head.Done())
        return false;
    out->texts.clear();
    if (texts_at)
    {
        *texts_at = static_cast<size_t>(at);
        return true;
    }
    Reader tail(bytes + at, size - at);
    tail.Get(out->texts);
    return tail.Done();
}

bool EncodedTexts::Decode(TextRecords* out) const
{
    if (!entry || at > entry->size())
        return false;
    Reader r(entry->data() + at, entry->size() - at);
    r.Get(*out);
    return r.Done();
}

// --- 3. Cache entries ---------------------------------------------------------------------------------

bool WriteContentSnapshot(FileCache& cache, const std::string& key, const PackSnapshot& snapshot)
{
    return !key.empty() && WriteKeyedEntry(cache, kMagic, key, EncodePackSnapshot(snapshot));
}

bool ReadContentSnapshot(const FileCache& cache, const std::string& key, PackSnapshot* out, EncodedTexts* texts)
{
    auto body = std::make_shared<std::vector<unsigned char>>();
    size_t texts_at = 0;
    if (key.empty() || !ReadKeyedEntry(cache, kMagic, key, body.get()))
        return false;
    if (!DecodePackSnapshot(body->data(), body->size(), out, &texts_at))
    {
        cache.Discard(KeyedEntryName(key));
        return false;
    }
    cache.MarkUsed(KeyedEntryName(key));
    texts->entry = std::move(body);
    texts->at = texts_at;
    return true;
}
} // namespace kiosk::core
