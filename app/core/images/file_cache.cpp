#include "core/images/file_cache.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace kiosk::core
{
namespace
{
bool MakeFolders(const std::string& path)
{
    for (size_t at = 1; at <= path.size(); ++at)
        if (at == path.size() || path[at] == '/')
        {
            const std::string part = path.substr(0, at);
            if (mkdir(part.c_str(), 0755) != 0 && errno != EEXIST)
                return false;
        }
    struct stat st;
    return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && access(path.c_str(), W_OK) == 0;
}
} // namespace

std::uint64_t HashBytes(const void* data, size_t size, std::uint64_t seed)
{
    // Eight bytes a step: byte by byte (FNV-1a), the multiply's latency made the checksum of a 4K
    // font atlas (2 MB) cost more than reading it.
    std::uint64_t h = seed ^ (size * 0x9E3779B97F4A7C15ull);
    const unsigned char* p = static_cast<const unsigned char*>(data);
    size_t i = 0;
    for (; i + 8 <= size; i += 8)
    {
        std::uint64_t w;
        std::memcpy(&w, p + i, 8);
        h = (h ^ w) * 0x100000001B3ull;
        h ^= h >> 29;
    }
    for (; i < size; i++)
        h = (h ^ p[i]) * 0x100000001B3ull;
    return h ^ (h >> 32);
}

namespace
{
struct KeyedHeader
{
    char magic[4] = {};
    std::uint32_t key_bytes = 0;
    std::uint64_t body_bytes = 0;
    std::uint64_t body_hash = 0;
};
static_assert(sizeof(KeyedHeader) == 24, "the header is written as it is in memory");
} // namespace

std::string KeyedEntryName(const std::string& key)
{
    char name[32];
    std::snprintf(name, sizeof(name), "%016llx", static_cast<unsigned long long>(HashBytes(key.data(), key.size())));
    return name;
}

bool WriteKeyedEntry(FileCache& cache, const char magic[4], const std::string& key,
                     const std::vector<unsigned char>& body)
{
    KeyedHeader h;
    std::memcpy(h.magic, magic, 4);
    h.key_bytes = static_cast<std::uint32_t>(key.size());
    h.body_bytes = body.size();
    h.body_hash = HashBytes(body.data(), body.size());
    std::vector<unsigned char> head(sizeof(h) + key.size());
    std::memcpy(head.data(), &h, sizeof(h));
    std::memcpy(head.data() + sizeof(h), key.data(), key.size());
    return cache.Write(KeyedEntryName(key), head.data(), head.size(), body.data(), body.size());
}

bool ReadKeyedEntry(const FileCache& cache, const char magic[4], const std::string& key,
                    std::vector<unsigned char>* body)
{
    const std::string name = KeyedEntryName(key);
    std::vector<unsigned char> data;
    if (!cache.Read(name, &data))
        return false;
    KeyedHeader h;
    const size_t head = sizeof(h) + key.size();
    if (data.size() >= sizeof(h))
        std::memcpy(&h, data.data(), sizeof(h));
    if (data.size() < head || std::memcmp(h.magic, magic, 4) != 0 || h.key_bytes != key.size() ||
        std::memcmp(data.data() + sizeof(h), key.data(), key.size()) != 0 || h.body_bytes != data.size() - head ||
        HashBytes(data.data() + head, data.size() - head) != h.body_hash)
    {
        cache.Discard(name);
        return false;
    }
    // The body moves down within the buffer it was read into: no second allocation of its size (a
    // content snapshot's is about half a megabyte, and page faults are dear on the kiosk's VMs).
    data.erase(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(head));
    *body = std::move(data);
    return true;
}

bool ReadWholeFile(const std::string& path, std::vector<unsigned char>* out, long long max_bytes)
{
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st;
    bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= max_bytes;
    if (ok)
    {
        out->resize(static_cast<size_t>(st.st_size));
        size_t done = 0;
        while (ok && done < out->size())
        {
            const ssize_t n = read(fd, out->data() + done, out->size() - done);
            ok = n > 0;
            done += ok ? static_cast<size_t>(n) : 0;
        }
    }
    close(fd);
    return ok;
}

FileCache::FileCache(std::string folder, std::string suffix, long long max_bytes, const char* what, bool durable)
    : m_folder(std::move(folder)), m_suffix(std::move(suffix)), m_max_bytes(max_bytes), m_durable(durable)
{
    m_usable = !m_folder.empty() && MakeFolders(m_folder);
    if (!m_usable && !m_folder.empty())
        std::fprintf(stderr, "careers-kiosk: %s '%s' is not writable; its work is done afresh at every start\n", what,
                     m_folder.c_str());
}

bool FileCache::Read(const std::string& name, std::vector<unsigned char>* bytes) const
{
    return m_usable && ReadWholeFile(PathFor(name), bytes, m_max_bytes);
}

void FileCache::Discard(const std::string& name) const
{
    if (m_usable)
        unlink(PathFor(name).c_str());
}

void FileCache::MarkUsed(const std::string& name) const
{
    if (m_usable)
        utimensat(AT_FDCWD, PathFor(name).c_str(), nullptr, 0);
}

bool FileCache::Write(const std::string& name, const void* head, size_t head_bytes, const void* body, size_t body_bytes)
{
    if (!m_usable || static_cast<long long>(head_bytes + body_bytes) > m_max_bytes)
        return false;
    // A name no other thread or process writes to, renamed over the entry once complete.
    static std::atomic<unsigned> counter{0};
    const std::string path = PathFor(name);
    const std::string tmp = path + ".tmp." + std::to_string(getpid()) + "." + std::to_string(counter++);
    FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f)
        return false;
    bool ok = std::fwrite(head, 1, head_bytes, f) == head_bytes && std::fwrite(body, 1, body_bytes, f) == body_bytes;
    ok = std::fflush(f) == 0 && ok;
    ok = (!m_durable || fsync(fileno(f)) == 0) && ok;
    ok = std::fclose(f) == 0 && ok;
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0)
    {
        unlink(tmp.c_str()); // a full disk: no entry, and no half-written one either
        return false;
    }
    Trim();
    return true;
}

void FileCache::Trim()
{
    std::lock_guard<std::mutex> lock(m_trim_mutex);
    struct Entry
    {
        std::string path;
        long long bytes;
        timespec used;
    };
    std::vector<Entry> entries;
    long long total = 0;
    if (DIR* d = opendir(m_folder.c_str()))
    {
        while (dirent* e = readdir(d))
        {
            const std::string name = e->d_name;
            if (name.size() <= m_suffix.size() ||
                name.compare(name.size() - m_suffix.size(), std::string::npos, m_suffix) != 0)
                continue;
            const std::string path = m_folder + "/" + name;
            struct stat st;
            if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
                continue;
            entries.push_back({path, static_cast<long long>(st.st_size), st.st_mtim});
            total += st.st_size;
        }
        closedir(d);
    }
    if (total <= m_max_bytes)
        return;
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) {
                  return a.used.tv_sec != b.used.tv_sec ? a.used.tv_sec < b.used.tv_sec
                                                        : a.used.tv_nsec < b.used.tv_nsec;
              });
    for (const Entry& e : entries)
    {
        if (total <= m_max_bytes)
            break;
        if (unlink(e.path.c_str()) == 0)
            total -= e.bytes;
    }
}
} // namespace kiosk::core
