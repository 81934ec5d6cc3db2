// FileCache: a folder of derived files kept between starts (rasterised illustrations, baked font
// atlases), so a kiosk (a Raspberry Pi above all) does not redo the same work at every start.
//
// Contract:
//   - An entry is one file, NAME + the cache's suffix, read whole. What is inside, and whether it
//     is still good, is the caller's to check: a caller that finds an entry stale or damaged calls
//     Discard() and does the work again.
//   - Writes are atomic (a temporary file, then renamed), and by default flushed to the disk first:
//     a power cut leaves the old entry or the new one, never half of one. A cache whose readers
//     check every entry whole may skip the flush (`durable` false): a torn entry is then a miss.
//   - The folder stays under max_bytes: after each write the least recently used entries go (a
//     hit marks its entry used). Only files with this cache's suffix count and are removed.
//   - An unusable folder makes every Read a miss and every Write a no-op, with one line on stderr.
//     Nothing here throws.
//   - Thread-safe: several threads Read and Write at once.
#pragma once
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace kiosk::core
{
class FileCache
{
public:
    // `folder` is created (with its parents) when missing; `what` names the cache in the line
    // that says it cannot be used ("illustration cache").
    FileCache(std::string folder, std::string suffix, long long max_bytes, const char* what, bool durable = true);

    // The whole entry, when it exists and is no larger than max_bytes.
    bool Read(const std::string& name, std::vector<unsigned char>* bytes) const;
    void Discard(const std::string& name) const;  // stale or corrupt: removed
    void MarkUsed(const std::string& name) const; // a hit: trimmed last
    // head then body, as one entry. False (and no entry) when it cannot be written whole.
    bool Write(const std::string& name, const void* head, size_t head_bytes, const void* body, size_t body_bytes);

private:
    std::string PathFor(const std::string& name) const { return m_folder + "/" + name + m_suffix; }
    void Trim();

    std::string m_folder;
    std::string m_suffix;
    long long m_max_bytes;
    bool m_durable;
    bool m_usable = false;
    mutable std::mutex m_trim_mutex;
};

// The caches' 64-bit content hash, FNV-style over 64-bit words (fast; collisions among one pack's
// few files are negligible, and a collision would only show a wrong picture, never crash). Not
// stable across versions: a change to it needs a bump of each cache's version.
std::uint64_t HashBytes(const void* data, size_t size, std::uint64_t seed = 1469598103934665603ull);
inline std::uint64_t HashBytes(const std::vector<unsigned char>& data)
{
    return HashBytes(data.data(), data.size());
}

// A keyed entry: `magic` (4 bytes, the kind and version of what the body holds), the whole key,
// then the body with its HashBytes. Its name is the key's hash (KeyedEntryName). ReadKeyedEntry
// gives the body only when the magic and the whole key match and the body's hash is right; an
// entry under that name that fails any of these (another key with the same hash, a torn or
// damaged file, an older format) is discarded, and the caller does the work again.
std::string KeyedEntryName(const std::string& key);
bool WriteKeyedEntry(FileCache& cache, const char magic[4], const std::string& key,
                     const std::vector<unsigned char>& body);
bool ReadKeyedEntry(const FileCache& cache, const char magic[4], const std::string& key,
                    std::vector<unsigned char>* body);

// Reads a regular file of at most max_bytes whole. False when it cannot.
bool ReadWholeFile(const std::string& path, std::vector<unsigned char>* out, long long max_bytes);
} // namespace kiosk::core
