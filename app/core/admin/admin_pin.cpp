// Admin PIN: SHA-256, HMAC-SHA256, PBKDF2, the stored-PIN format, the policy and the throttle.
//
// Sections
//   1. SHA-256 (FIPS 180-4)
//   2. HMAC-SHA256 (RFC 2104) and PBKDF2-HMAC-SHA256 (RFC 8018)
//   3. Stored PIN format and verification
//   4. Policy
//   5. Throttle
#include "core/admin/admin_pin.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

namespace kiosk::core
{
// --- 1. SHA-256 -------------------------------------------------------------------------------------
namespace
{
constexpr std::uint32_t kK[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

constexpr std::uint32_t kInitialState[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                            0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

inline std::uint32_t Rotr(std::uint32_t x, int n)
{
    return (x >> n) | (x << (32 - n));
}

// Processes one 64-byte block into state.
void Compress(std::uint32_t state[8], const std::uint8_t block[64])
{
    std::uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (std::uint32_t)block[i * 4] << 24 | (std::uint32_t)block[i * 4 + 1] << 16 |
               (std::uint32_t)block[i * 4 + 2] << 8 | (std::uint32_t)block[i * 4 + 3];
    for (int i = 16; i < 64; i++)
    {
        const std::uint32_t s0 = Rotr(w[i - 15], 7) ^ Rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        const std::uint32_t s1 = Rotr(w[i - 2], 17) ^ Rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    std::uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int i = 0; i < 64; i++)
    {
        const std::uint32_t s1 = Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25);
        const std::uint32_t ch = (e & f) ^ (~e & g);
        const std::uint32_t t1 = h + s1 + ch + kK[i] + w[i];
        const std::uint32_t s0 = Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22);
        const std::uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
        const std::uint32_t t2 = s0 + maj;
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
}

// Incremental SHA-256. The state can be copied, which HMAC uses to hash the key pads only once.
struct Sha256Context
{
    std::uint32_t state[8];
    std::uint8_t buffer[64];
    std::size_t buffered = 0;
    std::uint64_t total = 0; // bytes

    Sha256Context() { std::memcpy(state, kInitialState, sizeof state); }

    void Update(const void* data, std::size_t size)
    {
        const std::uint8_t* p = static_cast<const std::uint8_t*>(data);
        total += size;
        while (size > 0)
        {
            if (buffered == 0 && size >= 64)
            {
                Compress(state, p);
                p += 64;
                size -= 64;
                continue;
            }
            const std::size_t take = std::min(size, 64 - buffered);
            std::memcpy(buffer + buffered, p, take);
            buffered += take;
            p += take;
            size -= take;
            if (buffered == 64)
            {
                Compress(state, buffer);
                buffered = 0;
            }
        }
    }

    std::array<std::uint8_t, 32> Final()
    {
        const std::uint64_t bits = total * 8;
        const std::uint8_t pad = 0x80;
        Update(&pad, 1);
        const std::uint8_t zero = 0;
        while (buffered != 56)
            Update(&zero, 1);
        std::uint8_t length[8];
        for (int i = 0; i < 8; i++)
            length[i] = (std::uint8_t)(bits >> (56 - 8 * i));
        Update(length, 8);
        std::array<std::uint8_t, 32> out{};
        for (int i = 0; i < 8; i++)
        {
            out[(size_t)i * 4] = (std::uint8_t)(state[i] >> 24);
            out[(size_t)i * 4 + 1] = (std::uint8_t)(state[i] >> 16);
            out[(size_t)i * 4 + 2] = (std::uint8_t)(state[i] >> 8);
            out[(size_t)i * 4 + 3] = (std::uint8_t)state[i];
        }
        return out;
    }
};
} // namespace

std::array<std::uint8_t, 32> Sha256(const void* data, std::size_t size)
{
    Sha256Context ctx;
    ctx.Update(data, size);
    return ctx.Final();
}

// --- 2. HMAC-SHA256 and PBKDF2 ----------------------------------------------------------------------
namespace
{
// The inner and outer contexts after absorbing key ^ ipad and key ^ opad.
struct HmacKey
{
    Sha256Context inner;
    Sha256Context outer;

    HmacKey(const void* key, std::size_t key_size)
    {
        std::uint8_t block[64] = {};
        if (key_size > 64)
        {
            const auto digest = Sha256(key, key_size);
            std::memcpy(block, digest.data(), digest.size());
        }
        else if (key_size > 0)
            std::memcpy(block, key, key_size);
        std::uint8_t ipad[64], opad[64];
        for (int i = 0; i < 64; i++)
        {
            ipad[i] = block[i] ^ 0x36;
            opad[i] = block[i] ^ 0x5c;
        }
        inner.Update(ipad, 64);
        outer.Update(opad, 64);
    }

    std::array<std::uint8_t, 32> Mac(const void* data, std::size_t size) const
    {
        Sha256Context in = inner;
        in.Update(data, size);
        const auto inner_digest = in.Final();
        Sha256Context out = outer;
        out.Update(inner_digest.data(), inner_digest.size());
        return out.Final();
    }
};
} // namespace

std::array<std::uint8_t, 32> HmacSha256(const void* key, std::size_t key_size, const void* data, std::size_t size)
{
    return HmacKey(key, key_size).Mac(data, size);
}

std::vector<std::uint8_t> Pbkdf2HmacSha256(const std::string& password, const std::vector<std::uint8_t>& salt,
                                           std::uint32_t iterations, std::size_t length)
{
    const HmacKey key(password.data(), password.size());
    std::vector<std::uint8_t> out;
    out.reserve(length);
    for (std::uint32_t block = 1; out.size() < length; block++)
    {
        std::vector<std::uint8_t> first(salt);
        first.push_back((std::uint8_t)(block >> 24));
        first.push_back((std::uint8_t)(block >> 16));
        first.push_back((std::uint8_t)(block >> 8));
        first.push_back((std::uint8_t)block);
        std::array<std::uint8_t, 32> u = key.Mac(first.data(), first.size());
        std::array<std::uint8_t, 32> t = u;
        for (std::uint32_t i = 1; i < iterations; i++)
        {
            u = key.Mac(u.data(), u.size());
            for (size_t j = 0; j < t.size(); j++)
                t[j] ^= u[j];
        }
        const std::size_t take = std::min(t.size(), length - out.size());
        out.insert(out.end(), t.begin(), t.begin() + (std::ptrdiff_t)take);
    }
    return out;
}

// --- 3. Stored PIN format and verification ---------------------------------------------------------
namespace
{
constexpr const char* kScheme = "pbkdf2-sha256";
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

std::string Hex(const std::uint8_t* data, std::size_t size)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < size; i++)
    {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 15];
    }
    return out;
}

bool Unhex(const std::string& text, std::vector<std::uint8_t>* out)
{
    if (text.size() % 2)
        return false;
    auto nibble = [](char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    out->clear();
    for (std::size_t i = 0; i < text.size(); i += 2)
    {
        const int hi = nibble(text[i]), lo = nibble(text[i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        out->push_back((std::uint8_t)(hi * 16 + lo));
    }
    return true;
}

struct ParsedHash
{
    std::uint32_t iterations = 0;
    std::vector<std::uint8_t> salt;
    std::vector<std::uint8_t> hash;
};

bool ParseStored(const std::string& stored, ParsedHash* out)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;)
    {
        const std::size_t dollar = stored.find('$', start);
        parts.push_back(stored.substr(start, dollar - start));
        if (dollar == std::string::npos)
            break;
        start = dollar + 1;
    }
    if (parts.size() != 4 || parts[0] != kScheme || parts[1].empty() || parts[1].size() > 9 ||
        parts[1].find_first_not_of("0123456789") != std::string::npos)
        return false;
    out->iterations = (std::uint32_t)std::stoul(parts[1]);
    return out->iterations >= kPinHashMinIterations && out->iterations <= kPinHashMaxIterations &&
           Unhex(parts[2], &out->salt) && out->salt.size() >= 8 && out->salt.size() <= 64 &&
           Unhex(parts[3], &out->hash) && out->hash.size() == kHashBytes;
}
} // namespace

bool IsWellFormedPin(const std::string& pin)
{
    return pin.size() >= 4 && pin.size() <= 12 && pin.find_first_not_of("0123456789") == std::string::npos;
}

std::string HashPin(const std::string& pin, const std::vector<std::uint8_t>& salt, std::uint32_t iterations)
{
    const std::vector<std::uint8_t> hash = Pbkdf2HmacSha256(pin, salt, iterations, kHashBytes);
    return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + Hex(salt.data(), salt.size()) + "$" +
           Hex(hash.data(), hash.size());
}

std::string HashPinWithNewSalt(const std::string& pin, std::uint32_t iterations)
{
    std::random_device rd;
    std::vector<std::uint8_t> salt;
    while (salt.size() < kSaltBytes)
    {
        const std::uint32_t v = rd();
        for (int i = 0; i < 4 && salt.size() < kSaltBytes; i++)
            salt.push_back((std::uint8_t)(v >> (8 * i)));
    }
    return HashPin(pin, salt, iterations);
}

bool VerifyPin(const std::string& pin, const std::string& stored)
{
    ParsedHash parsed;
    if (!ParseStored(stored, &parsed))
        return false;
    const std::vector<std::uint8_t> hash = Pbkdf2HmacSha256(pin, parsed.salt, parsed.iterations, kHashBytes);
    std::uint8_t diff = 0;
    for (std::size_t i = 0; i < kHashBytes; i++)
        diff |= (std::uint8_t)(hash[i] ^ parsed.hash[i]);
    return diff == 0;
}

// --- 4. Policy --------------------------------------------------------------------------------------
PinPolicy CheckStoredPin(const std::string& stored, const std::vector<std::string>& example_pins)
{
    if (stored.find_first_not_of(" \t\r\n") == std::string::npos)
        return PinPolicy::NotSet;
    ParsedHash parsed;
    if (!ParseStored(stored, &parsed))
        return PinPolicy::Malformed;
    for (const std::string& example : example_pins)
        if (VerifyPin(example, stored))
            return PinPolicy::ExamplePin;
    return PinPolicy::Ok;
}

namespace
{
std::string PinMemo(const std::string& stored, const std::vector<std::string>& example_pins)
{
    std::string memo = "careers-kiosk admin PIN checked: not an example PIN\n" + stored + "\n";
    for (const std::string& example : example_pins)
        memo += example + " ";
    return memo + "\n";
}
} // namespace

PinPolicy CheckStoredPinRemembered(const std::string& stored, const std::vector<std::string>& example_pins,
                                   const std::string& memo_path)
{
    const std::string memo = PinMemo(stored, example_pins);
    if (!memo_path.empty())
    {
        std::ifstream in(memo_path, std::ios::binary);
        std::ostringstream held;
        held << in.rdbuf();
        if (in && held.str() == memo)
            return PinPolicy::Ok;
    }
    const PinPolicy policy = CheckStoredPin(stored, example_pins);
    if (policy == PinPolicy::Ok && !memo_path.empty())
    {
        const std::string temp = memo_path + ".new";
        {
            std::ofstream out(temp, std::ios::binary | std::ios::trunc);
            out << memo;
            out.close();
            if (!out)
            {
                std::remove(temp.c_str());
                return policy;
            }
        }
        if (std::rename(temp.c_str(), memo_path.c_str()) != 0)
            std::remove(temp.c_str());
    }
    return policy;
}

const char* PinPolicyMessage(PinPolicy policy)
{
    switch (policy)
    {
    case PinPolicy::Ok:
        return "The admin PIN is set.";
    case PinPolicy::NotSet:
        return "No admin PIN is set: set one before running in kiosk mode.";
    case PinPolicy::Malformed:
        return "The admin PIN in the configuration is not a pbkdf2-sha256 hash: set it again.";
    case PinPolicy::ExamplePin:
        return "The admin PIN is the example PIN: choose your own before running in kiosk mode.";
    }
    return "Unknown PIN state.";
}

// --- 5. Throttle ------------------------------------------------------------------------------------
PinThrottle::PinThrottle(const PinThrottleSettings& settings) : m_settings(settings)
{
    m_settings.free_attempts = std::max(1, m_settings.free_attempts);
    if (!(m_settings.first_lockout_s > 0))
        m_settings.first_lockout_s = PinThrottleSettings{}.first_lockout_s;
    if (!(m_settings.max_lockout_s >= m_settings.first_lockout_s))
        m_settings.max_lockout_s = std::max(m_settings.first_lockout_s, PinThrottleSettings{}.max_lockout_s);
    if (!(m_settings.forget_after_s > 0))
        m_settings.forget_after_s = PinThrottleSettings{}.forget_after_s;
}

void PinThrottle::Observe(double now)
{
    if (!std::isfinite(now))
        return;
    if (!m_has_now)
    {
        m_locked_until = now;
        m_last_failure = now;
    }
    else if (now < m_last_now)
    {
        // Backwards: move the reference times with the clock so nothing gets longer or shorter.
        const double shift = now - m_last_now;
        m_last_failure += shift;
        m_locked_until += shift;
    }
    m_has_now = true;
    m_last_now = now;
    if (m_failures > 0 && now >= m_locked_until && now - m_last_failure >= m_settings.forget_after_s)
        m_failures = 0;
}

double PinThrottle::LockedFor(double now)
{
    Observe(now);
    if (!m_has_now)
        return 0;
    return std::max(0.0, m_locked_until - m_last_now);
}

void PinThrottle::RecordFailure(double now)
{
    Observe(now);
    m_failures++;
    m_last_failure = m_last_now;
    const int over = m_failures - m_settings.free_attempts;
    if (over >= 0)
    {
        const double lock = m_settings.first_lockout_s * std::pow(2.0, std::min(over, 30));
        m_locked_until = m_last_now + std::min(lock, m_settings.max_lockout_s);
    }
}

void PinThrottle::RecordSuccess(double now)
{
    Observe(now);
    m_failures = 0;
    m_locked_until = m_last_now;
}

PinAttempt TryPin(PinThrottle& throttle, const std::string& pin, const std::string& stored, double now)
{
    if (throttle.LockedFor(now) > 0)
        return PinAttempt::LockedOut;
    if (VerifyPin(pin, stored))
    {
        throttle.RecordSuccess(now);
        return PinAttempt::Accepted;
    }
    throttle.RecordFailure(now);
    return PinAttempt::Rejected;
}

int RunHashPinCommand(std::istream& in, std::ostream& out, std::ostream& err)
{
    std::string pin;
    std::getline(in, pin);
    while (!pin.empty() && (pin.back() == '\r' || pin.back() == ' '))
        pin.pop_back();
    if (!IsWellFormedPin(pin))
    {
        err << "careers-kiosk hash-pin: error: a PIN is 4 to 12 digits\n";
        return 2;
    }
    out << HashPinWithNewSalt(pin) << "\n";
    return 0;
}
const std::vector<std::string>& ExamplePins()
{
    static const std::vector<std::string> pins = {"1234", "0000", "123456"};
    return pins;
}
} // namespace kiosk::core
