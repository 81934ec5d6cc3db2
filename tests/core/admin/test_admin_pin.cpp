// Admin PIN: hash functions against published test vectors, the stored format, the kiosk-mode
// policy, and the wrong-PIN throttle with time as an input (including clock jumps).
#include "core/admin/admin_pin.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

using namespace kiosk::core;

namespace
{
template <size_t N> std::string Hex(const std::array<std::uint8_t, N>& bytes)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (std::uint8_t b : bytes)
    {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

std::string Hex(const std::vector<std::uint8_t>& bytes)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (std::uint8_t b : bytes)
    {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

std::string Sha(const std::string& s)
{
    return Hex(Sha256(s.data(), s.size()));
}

std::vector<std::uint8_t> Bytes(const std::string& s)
{
    return std::vector<std::uint8_t>(s.begin(), s.end());
}

// A small iteration count keeps the tests fast; the format and the code path are the same.
constexpr std::uint32_t kTestIterations = 1000;
} // namespace

TEST_CASE("SHA-256 matches the FIPS 180-4 examples", "[admin_pin]")
{
    CHECK(Sha("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(Sha("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(Sha("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(Sha(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    std::string mixed;
    for (int r = 0; r < 3; r++)
        for (int i = 0; i < 256; i++)
            mixed += (char)i;
    mixed += std::string(55, 'x'); // ends where the length no longer fits in the last block
    CHECK(Sha(mixed) == "1d099a857037971bbd4c2e0a22e35939ef393d1831523e67d125d194e77ee949");
}

TEST_CASE("HMAC-SHA256 matches RFC 4231", "[admin_pin]")
{
    const std::string key1(20, '\x0b'), data1 = "Hi There";
    CHECK(Hex(HmacSha256(key1.data(), key1.size(), data1.data(), data1.size())) ==
          "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    const std::string key2 = "Jefe", data2 = "what do ya want for nothing?";
    CHECK(Hex(HmacSha256(key2.data(), key2.size(), data2.data(), data2.size())) ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    const std::string key6(131, '\xaa'), data6 = "Test Using Larger Than Block-Size Key - Hash Key First";
    CHECK(Hex(HmacSha256(key6.data(), key6.size(), data6.data(), data6.size())) ==
          "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST_CASE("PBKDF2-HMAC-SHA256 matches RFC 7914 section 11", "[admin_pin]")
{
    CHECK(Hex(Pbkdf2HmacSha256("passwd", Bytes("salt"), 1, 64)) ==
          "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
          "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
    CHECK(Hex(Pbkdf2HmacSha256("Password", Bytes("NaCl"), 80000, 64)) ==
          "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
          "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
}

TEST_CASE("a stored PIN has the documented format and the default cost", "[admin_pin]")
{
    std::vector<std::uint8_t> salt;
    for (int i = 0; i < 16; i++)
        salt.push_back((std::uint8_t)i);
    // Python: hashlib.pbkdf2_hmac('sha256', b'4821', bytes(range(16)), 100000, 32).hex()
    CHECK(HashPin("4821", salt) == "pbkdf2-sha256$100000$000102030405060708090a0b0c0d0e0f$"
                                   "c26a47ec2a4819bb0b9a1b7a54a55a08b668165a157076007660380e011d0148");
}

TEST_CASE("VerifyPin accepts the right PIN only", "[admin_pin]")
{
    const std::string stored = HashPinWithNewSalt("482915", kTestIterations);
    CHECK(stored.rfind("pbkdf2-sha256$1000$", 0) == 0);
    CHECK(VerifyPin("482915", stored));
    CHECK_FALSE(VerifyPin("482916", stored));
    CHECK_FALSE(VerifyPin("48291", stored));
    CHECK_FALSE(VerifyPin("", stored));
    // Salted: the same PIN hashes differently each time, and both verify.
    const std::string again = HashPinWithNewSalt("482915", kTestIterations);
    CHECK(again != stored);
    CHECK(VerifyPin("482915", again));
}

TEST_CASE("malformed stored PINs never match", "[admin_pin]")
{
    const std::string good = HashPinWithNewSalt("1357", kTestIterations);
    const std::vector<std::string> bad = {
        "",
        "1357",
        "sha256$1000$00$00",
        "pbkdf2-sha256$1000$zz0102030405060708$" + std::string(64, '0'),
        "pbkdf2-sha256$10$000102030405060708090a0b0c0d0e0f$" + std::string(64, '0'),        // too cheap
        "pbkdf2-sha256$999999999$000102030405060708090a0b0c0d0e0f$" + std::string(64, '0'), // would hang
        "pbkdf2-sha256$-5$000102030405060708090a0b0c0d0e0f$" + std::string(64, '0'),
        "pbkdf2-sha256$1000$000102030405060708090a0b0c0d0e0f$" + std::string(62, '0'),
        good + "$extra",
        good.substr(0, good.size() - 1),
    };
    for (const std::string& s : bad)
    {
        INFO(s);
        CHECK_FALSE(VerifyPin("1357", s));
        CHECK(CheckStoredPin(s, {}) == (s.empty() ? PinPolicy::NotSet : PinPolicy::Malformed));
    }
}

TEST_CASE("kiosk mode needs a real PIN", "[admin_pin]")
{
    CHECK(CheckStoredPin("", {"1234"}) == PinPolicy::NotSet);
    CHECK(CheckStoredPin("  \n", {"1234"}) == PinPolicy::NotSet);
    CHECK(CheckStoredPin(HashPinWithNewSalt("1234", kTestIterations), {"0000", "1234"}) == PinPolicy::ExamplePin);
    CHECK(CheckStoredPin(HashPinWithNewSalt("8362", kTestIterations), {"0000", "1234"}) == PinPolicy::Ok);
    CHECK(std::string(PinPolicyMessage(PinPolicy::ExamplePin)).find("example") != std::string::npos);
    CHECK(IsWellFormedPin("0000"));
    CHECK(IsWellFormedPin("123456789012"));
    CHECK_FALSE(IsWellFormedPin("123"));
    CHECK_FALSE(IsWellFormedPin("1234567890123"));
    CHECK_FALSE(IsWellFormedPin("12a4"));
}

TEST_CASE("a PIN found not to be an example is remembered, and nothing else is", "[admin_pin]")
{
    kiosk::test::TempDir dir;
    const std::string memo = dir.File("stats.db.pin-checked");
    const auto read = [](const std::string& path)
    {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    };
    const std::vector<std::string> examples = {"0000", "1234"};
    const std::string good = HashPinWithNewSalt("8362", kTestIterations);
    const std::string example = HashPinWithNewSalt("1234", kTestIterations);

    // An example PIN is refused and leaves no memo.
    CHECK(CheckStoredPinRemembered(example, examples, memo) == PinPolicy::ExamplePin);
    CHECK_FALSE(std::ifstream(memo).good());
    CHECK(CheckStoredPinRemembered("", examples, memo) == PinPolicy::NotSet);
    CHECK(CheckStoredPinRemembered("pbkdf2-sha256$oops", examples, memo) == PinPolicy::Malformed);
    CHECK_FALSE(std::ifstream(memo).good());

    // A good PIN is checked and remembered with the examples it was checked against.
    CHECK(CheckStoredPinRemembered(good, examples, memo) == PinPolicy::Ok);
    const std::string held = read(memo);
    CHECK(held.find(good) != std::string::npos);
    CHECK(held.find("0000 1234") != std::string::npos);

    // The memo is what is trusted on the next start: forged for the example PIN's hash it is
    // believed (proof that no derivation ran), but only for exactly that stored form and examples.
    std::string forged = held;
    forged.replace(forged.find(good), good.size(), example);
    std::ofstream(memo, std::ios::binary | std::ios::trunc) << forged;
    CHECK(CheckStoredPinRemembered(example, examples, memo) == PinPolicy::Ok);
    CHECK(CheckStoredPinRemembered(example, {"0000", "1234", "5555"}, memo) == PinPolicy::ExamplePin);
    CHECK(CheckStoredPinRemembered(HashPinWithNewSalt("1234", kTestIterations), examples, memo) ==
          PinPolicy::ExamplePin);

    // A memo that cannot be written (its folder is missing) costs only the check.
    CHECK(CheckStoredPinRemembered(good, examples, dir.File("missing/stats.db.pin-checked")) == PinPolicy::Ok);
    CHECK(CheckStoredPinRemembered(example, examples, "") == PinPolicy::ExamplePin);
}

TEST_CASE("wrong PINs lock the pad for longer and longer", "[admin_pin]")
{
    PinThrottle t; // 3 free attempts, 30 s doubling to 900 s
    CHECK(t.LockedFor(100) == 0);
    t.RecordFailure(100);
    t.RecordFailure(101);
    CHECK(t.LockedFor(101) == 0);
    t.RecordFailure(102);
    CHECK(t.LockedFor(102) == Approx(30));
    CHECK(t.LockedFor(122) == Approx(10));
    CHECK(t.LockedFor(132) == 0);
    t.RecordFailure(133);
    CHECK(t.LockedFor(133) == Approx(60));
    t.RecordFailure(200);
    CHECK(t.LockedFor(200) == Approx(120));
    for (int i = 0; i < 10; i++)
        t.RecordFailure(300 + i * 200);
    CHECK(t.LockedFor(2100) == Approx(900)); // capped
    t.RecordSuccess(2200);
    CHECK(t.Failures() == 0);
    CHECK(t.LockedFor(2200) == 0);
}

TEST_CASE("earlier wrong PINs are forgotten after a quiet spell", "[admin_pin]")
{
    PinThrottle t;
    t.RecordFailure(0);
    t.RecordFailure(1);
    CHECK(t.Failures() == 2);
    CHECK(t.LockedFor(1000) == 0);
    CHECK(t.Failures() == 0);
    t.RecordFailure(1001); // one miss hours later is not a lockout
    CHECK(t.LockedFor(1001) == 0);
}

TEST_CASE("the lockout survives clock jumps without growing", "[admin_pin]")
{
    PinThrottle t;
    for (int i = 0; i < 3; i++)
        t.RecordFailure(5000);
    CHECK(t.LockedFor(5010) == Approx(20));
    CHECK(t.LockedFor(10) == Approx(20)); // clock went back: still 20 s, not 5000
    CHECK(t.LockedFor(25) == Approx(5));
    CHECK(t.LockedFor(std::numeric_limits<double>::quiet_NaN()) == Approx(5));
    CHECK(t.LockedFor(1e9) == 0); // forward: time passed
}

TEST_CASE("TryPin checks the throttle before the PIN", "[admin_pin]")
{
    const std::string stored = HashPinWithNewSalt("7305", kTestIterations);
    PinThrottle t;
    CHECK(TryPin(t, "0000", stored, 0) == PinAttempt::Rejected);
    CHECK(TryPin(t, "0001", stored, 1) == PinAttempt::Rejected);
    CHECK(TryPin(t, "0002", stored, 2) == PinAttempt::Rejected);
    CHECK(TryPin(t, "7305", stored, 3) == PinAttempt::LockedOut); // even the right PIN waits
    CHECK(t.Failures() == 3);
    CHECK(TryPin(t, "7305", stored, 32) == PinAttempt::Accepted);
    CHECK(t.Failures() == 0);
}

TEST_CASE("a throttle that starts at negative time is not locked", "[admin_pin]")
{
    PinThrottle t;
    CHECK(t.LockedFor(-50) == 0);
}

TEST_CASE("hash-pin prints a stored form that verifies, and refuses bad PINs", "[admin_pin]")
{
    std::istringstream in("582047\n");
    std::ostringstream out, err;
    CHECK(RunHashPinCommand(in, out, err) == 0);
    std::string line = out.str();
    REQUIRE(line.size() > 1);
    line.pop_back();
    CHECK(VerifyPin("582047", line));
    CHECK(CheckStoredPin(line, {"1234"}) == PinPolicy::Ok);

    std::istringstream bad("12ab\n");
    std::ostringstream out2, err2;
    CHECK(RunHashPinCommand(bad, out2, err2) == 2);
    CHECK(out2.str().empty());
    CHECK(err2.str().find("error:") != std::string::npos);
}
