// SplitMix64 (Steele, Lea and Flood): a tiny seeded generator whose sequence is the same on every
// platform and standard library (std distributions are not). One source for everything in the model that
// must repeat exactly: the layout's shuffled starts and shakes, the quiz checks' sample of answer
// combinations, and the tests' sample graphs and packs.
#pragma once
#include <cstddef>
#include <cstdint>

namespace kiosk::core
{
class SplitMix64
{
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t Next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    // Uniform in [0, count) (count > 0), for indexes into containers; the tiny modulo bias does not
    // matter to any caller.
    size_t Index(size_t count) { return static_cast<size_t>(Next() % count); }

    // Uniform in [0, bound) (bound > 0).
    int Below(int bound) { return static_cast<int>(Next() % static_cast<std::uint64_t>(bound)); }

    // True with probability percent / 100.
    bool Chance(int percent) { return Below(100) < percent; }

private:
    std::uint64_t m_state;
};
} // namespace kiosk::core
