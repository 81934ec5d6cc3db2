// Admin PIN: salted, iterated hashing (PBKDF2-HMAC-SHA256), verification, the policy that refuses
// kiosk mode without a real PIN, and the wrong-PIN throttle (time is an input).
//
// The PIN is stored in the configuration as
//     pbkdf2-sha256$<iterations>$<salt, 32 hex digits>$<hash, 64 hex digits>
// SHA-256 and PBKDF2 are implemented here (FIPS 180-4, RFC 2104, RFC 8018) and checked against
// the published test vectors in tests/core/test_admin_pin.cpp.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace kiosk::core
{
std::array<std::uint8_t, 32> Sha256(const void* data, std::size_t size);
std::array<std::uint8_t, 32> HmacSha256(const void* key, std::size_t key_size, const void* data, std::size_t size);
std::vector<std::uint8_t> Pbkdf2HmacSha256(const std::string& password, const std::vector<std::uint8_t>& salt,
                                           std::uint32_t iterations, std::size_t length);

// 100,000 iterations: about 0.1 s on a desktop core and well under a second on a Raspberry Pi 4.
// A PIN has few possible values, so the hash only slows an attacker who has copied the
// configuration; the throttle below is the real guard at the kiosk.
constexpr std::uint32_t kPinHashIterations = 100000;
constexpr std::uint32_t kPinHashMinIterations = 1000;     // stored hashes with fewer are malformed
constexpr std::uint32_t kPinHashMaxIterations = 10000000; // and with more (a config typo must not hang)

// A PIN is 4 to 12 digits.
bool IsWellFormedPin(const std::string& pin);
// The stored form for pin with the given salt (tests) or a new 16-byte salt from std::random_device.
std::string HashPin(const std::string& pin, const std::vector<std::uint8_t>& salt,
                    std::uint32_t iterations = kPinHashIterations);
std::string HashPinWithNewSalt(const std::string& pin, std::uint32_t iterations = kPinHashIterations);
// True when pin matches the stored form. Malformed stored forms never match. The comparison takes
// the same time wherever the first difference is.
bool VerifyPin(const std::string& pin, const std::string& stored);

enum class PinPolicy
{
    Ok,
    NotSet,     // no PIN in the configuration
    Malformed,  // not a pbkdf2-sha256 string this version can check
    ExamplePin, // the PIN is one of the examples shipped in the documentation or example config
};
// Decides whether the kiosk may enter kiosk mode with this stored PIN. example_pins are the
// plain PINs that appear in shipped examples (e.g. {"1234", "0000"}); each is checked with
// VerifyPin, so this takes one hash time per example.
PinPolicy CheckStoredPin(const std::string& stored, const std::vector<std::string>& example_pins);
// CheckStoredPin with a memory: the file memo_path holds the last stored form found Ok together with
// the example PINs it was checked against, so a restart with the same PIN and examples skips the
// derivations (three of 100,000 iterations: 0.4 s of a PC's start, about 10 s of a restart under
// software emulation). Only Ok is remembered; any other stored form or example list is checked in
// full. The memo is written best-effort (write then rename); a memo that cannot be read or written
// only costs the check again. Trusting it is no weaker than the PIN itself: whoever can write the
// memo can write the configuration.
PinPolicy CheckStoredPinRemembered(const std::string& stored, const std::vector<std::string>& example_pins,
                                   const std::string& memo_path);
// The PINs that appear in our documentation and examples: never acceptable for kiosk mode.
const std::vector<std::string>& ExamplePins();
const char* PinPolicyMessage(PinPolicy policy); // one sentence for the log or the setup screen

struct PinThrottleSettings
{
    int free_attempts = 3;       // wrong PINs allowed before the first lockout
    double first_lockout_s = 30; // lockout after the last free attempt; doubles with each further miss
    double max_lockout_s = 900;  // the longest lockout
    double forget_after_s = 900; // quiet time after which earlier wrong PINs are forgotten
};

// Counts wrong PINs and locks entry for a while. `now` is monotonic seconds from the caller.
// Clock-jump contract: time going backwards keeps the remaining lockout (it is re-anchored at the
// new now, never lengthened); a forward jump counts as time passed. Not thread-safe.
class PinThrottle
{
public:
    explicit PinThrottle(const PinThrottleSettings& settings = {});

    // Seconds until a PIN may be tried again; 0 when one may be tried now.
    double LockedFor(double now);
    void RecordFailure(double now);
    void RecordSuccess(double now);
    int Failures() const { return m_failures; }

private:
    void Observe(double now);

    PinThrottleSettings m_settings;
    int m_failures = 0;
    bool m_has_now = false;
    double m_last_now = 0;
    double m_last_failure = 0;
    double m_locked_until = 0;
};

enum class PinAttempt
{
    Accepted,
    Rejected,  // wrong PIN (counted)
    LockedOut, // not checked: wait LockedFor(now) seconds
};
// The whole check the PIN pad runs: throttle, verify, record.
PinAttempt TryPin(PinThrottle& throttle, const std::string& pin, const std::string& stored, double now);

// For `careers-kiosk hash-pin` (wired up by main): reads the PIN as one line from in (the caller
// turns terminal echo off), prints the stored form for the configuration on out and returns 0;
// a PIN that is not 4 to 12 digits gets one error line on err and returns 2.
int RunHashPinCommand(std::istream& in, std::ostream& out, std::ostream& err);
} // namespace kiosk::core
