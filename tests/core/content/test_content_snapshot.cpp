// Content snapshots (core/content/content_snapshot.h): a load read back from a snapshot gives what
// the files give, and any change under the folder, another program, other options or a damaged
// entry sends the load back to the files.
#include "core/content/content_loader.h"
#include "core/content/content_snapshot.h"
#include "core/images/file_cache.h"
#include "support/temp_dir.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <random>
#include <sys/stat.h>

namespace fs = std::filesystem;
using namespace kiosk::core;
using kiosk::test::TempDir;

namespace
{
struct Loader
{
    TempDir cache_dir{"kiosk-snapshot"};
    FileCache cache{cache_dir.path.string(), ".pack", 16ll * 1024 * 1024, "content snapshot cache", false};
    ContentLoadOptions options;

    Loader()
    {
        options.defer_warning_checks = true;
        options.snapshots = &cache;
        options.program_id = "test program";
    }
    ContentLoadResult Load(const std::string& folder) const { return LoadContentPack(folder, options); }
    std::vector<fs::path> Entries() const
    {
        std::vector<fs::path> entries;
        for (const auto& e : fs::directory_iterator(cache_dir.path))
            entries.push_back(e.path());
        return entries;
    }
};

// Everything a result holds that a screen or a check can see, as bytes: the pack (but its
// load_id, new at each load), diagnostics and texts.
std::vector<unsigned char> Contents(const ContentLoadResult& r)
{
    PackSnapshot s;
    if (r.pack)
        s.pack = *r.pack;
    s.pack.load_id = 0;
    s.diagnostics = r.diagnostics;
    s.texts = r.texts;
    return EncodePackSnapshot(s);
}

std::vector<std::string> Formatted(const DiagnosticList& list)
{
    std::vector<std::string> lines;
    for (const Diagnostic& d : list.items)
        lines.push_back(FormatDiagnostic(d));
    return lines;
}

fs::path CopyPack(const TempDir& dir, const fs::path& from)
{
    const fs::path to = dir.path / "pack";
    fs::copy(from, to, fs::copy_options::recursive);
    return to;
}

const fs::path kMinimal = fs::path(KIOSK_FIXTURES_DIR) / "content" / "minimal";
} // namespace

TEST_CASE("a pack read back from its snapshot is the one its files give", "[content][snapshot]")
{
    // The bundled pack, and a small one with a warning only the later checks find.
    TempDir dir("kiosk-snapshot-pack");
    const fs::path small = CopyPack(dir, kMinimal);
    const fs::path long_sentence = fs::path(KIOSK_FIXTURES_DIR) / "content" / "broken" / "long-sentence";
    fs::copy_file(long_sentence / "roles" / "engineer.json", small / "roles" / "engineer.json",
                  fs::copy_options::overwrite_existing);
    for (const std::string& pack : {std::string(KIOSK_CONTENT_DIR), small.string()})
        for (const bool defer : {false, true})
        {
            CAPTURE(pack, defer);
            Loader loader;
            loader.options.defer_warning_checks = defer;
            ContentLoadOptions plain_options;
            plain_options.defer_warning_checks = defer;
            const ContentLoadResult plain = LoadContentPack(pack, plain_options);
            const ContentLoadResult first = loader.Load(pack);
            const ContentLoadResult second = loader.Load(pack);
            REQUIRE(first.pack);
            REQUIRE(second.pack);
            CHECK_FALSE(first.from_snapshot);
            CHECK(Contents(first) == Contents(plain));
            if (!defer)
            {
                // A load with every check at once (--validate, previews) probes images through
                // the SVG module, which the key does not cover: never from a snapshot.
                CHECK_FALSE(second.from_snapshot);
                CHECK(loader.Entries().empty());
                continue;
            }
            CHECK(second.from_snapshot);
            CHECK(loader.Entries().size() == 1);
            CHECK(second.pack->load_id != first.pack->load_id);
            CHECK(Formatted(second.diagnostics) == Formatted(plain.diagnostics));
            // The texts stay encoded until the later checks need them; those find the same.
            CHECK(second.texts.empty());
            CHECK_FALSE(plain.texts.empty());
            ContentLoadResult plain_without_texts;
            plain_without_texts.pack = plain.pack;
            plain_without_texts.diagnostics = plain.diagnostics;
            CHECK(Contents(second) == Contents(plain_without_texts));
            REQUIRE(second.later_checks);
            const std::vector<std::string> later = Formatted(second.later_checks());
            CHECK(later == Formatted(plain.later_checks()));
            if (pack == small.string())
                CHECK(std::count(later.begin(), later.end(),
                                 "roles/engineer.json:6:21: warning: sentence of 28 words (over 25): 'An engineer "
                                 "looks after the machines ...'; split it in two") == 1);
        }
}

TEST_CASE("any change under the content folder sends the load back to its files", "[content][snapshot]")
{
    TempDir dir("kiosk-snapshot-pack");
    const fs::path pack = CopyPack(dir, kMinimal);
    Loader loader;
    REQUIRE_FALSE(loader.Load(pack).from_snapshot);
    REQUIRE(loader.Load(pack).from_snapshot);

    SECTION("a file rewritten with the same size and its old modification time")
    {
        const fs::path role = pack / "roles" / "engineer.json";
        struct stat before;
        REQUIRE(stat(role.c_str(), &before) == 0);
        std::ifstream in(role);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        in.close();
        const size_t at = text.find("Fixes things");
        REQUIRE(at != std::string::npos);
        text.replace(at, 12, "Mends things");
        std::ofstream(role, std::ios::trunc) << text;
        const timespec times[2] = {before.st_atim, before.st_mtim};
        REQUIRE(utimensat(AT_FDCWD, role.c_str(), times, 0) == 0);
        const ContentLoadResult after = loader.Load(pack);
        CHECK_FALSE(after.from_snapshot);
        REQUIRE(after.pack);
        CHECK(after.pack->FindRole("engineer")->tagline.Get("en") == "Mends things");
        CHECK(loader.Load(pack).from_snapshot);
    }
    SECTION("a file added")
    {
        std::ofstream(pack / "roles" / "notes.txt") << "a note";
        CHECK_FALSE(loader.Load(pack).from_snapshot);
    }
    SECTION("a file removed")
    {
        fs::remove(pack / "illustrations" / "engineer.svg");
        const ContentLoadResult after = loader.Load(pack);
        CHECK_FALSE(after.from_snapshot);
        const std::vector<std::string> said = Formatted(after.diagnostics);
        CHECK(std::count(said.begin(), said.end(),
                         "roles/engineer.json:9:19: warning: image 'illustrations/engineer.svg' is missing; a "
                         "placeholder will show") == 1);
    }
    SECTION("another program")
    {
        loader.options.program_id = "another build";
        CHECK_FALSE(loader.Load(pack).from_snapshot);
    }
    SECTION("other options")
    {
        loader.options.require_languages = {"cy"};
        CHECK_FALSE(loader.Load(pack).from_snapshot);
    }
}

TEST_CASE("a pack with errors is never kept", "[content][snapshot]")
{
    TempDir dir("kiosk-snapshot-pack");
    const fs::path pack = CopyPack(dir, kMinimal);
    std::ofstream(pack / "kiosk.json", std::ios::app) << "}";
    Loader loader;
    CHECK_FALSE(loader.Load(pack).pack);
    CHECK_FALSE(loader.Load(pack).from_snapshot);
    CHECK(loader.Entries().empty());
}

TEST_CASE("a damaged snapshot is thrown away and the pack loaded from its files", "[content][snapshot]")
{
    TempDir dir("kiosk-snapshot-pack");
    const fs::path pack = CopyPack(dir, kMinimal);
    Loader loader;
    const ContentLoadResult plain = loader.Load(pack);
    REQUIRE(plain.pack);
    const std::vector<fs::path> entries = loader.Entries();
    REQUIRE(entries.size() == 1);
    const auto size = fs::file_size(entries[0]);
    for (const auto at : {size / 2, size - 1, std::uintmax_t{3}})
    {
        CAPTURE(at);
        {
            std::fstream f(entries[0], std::ios::in | std::ios::out | std::ios::binary);
            f.seekg(static_cast<std::streamoff>(at));
            const char c = static_cast<char>(f.get());
            f.seekp(static_cast<std::streamoff>(at));
            f.put(static_cast<char>(c ^ 0x20));
        }
        const ContentLoadResult again = loader.Load(pack);
        CHECK_FALSE(again.from_snapshot);
        CHECK(Contents(again) == Contents(plain));
        // Written again whole by that load.
        CHECK(loader.Load(pack).from_snapshot);
    }
    fs::resize_file(entries[0], size / 3);
    CHECK_FALSE(loader.Load(pack).from_snapshot);
    CHECK(loader.Load(pack).from_snapshot);
}

TEST_CASE("no cut or scramble of a snapshot decodes, and none reads out of bounds", "[content][snapshot]")
{
    const ContentLoadResult loaded = LoadContentPack(kMinimal.string());
    REQUIRE(loaded.pack);
    PackSnapshot s;
    s.pack = *loaded.pack;
    s.diagnostics = loaded.diagnostics;
    s.texts = loaded.texts;
    s.images_to_probe = {{"illustrations/engineer.svg", {"roles/engineer.json", 9, 3}}};
    const std::vector<unsigned char> bytes = EncodePackSnapshot(s);
    PackSnapshot out;
    REQUIRE(DecodePackSnapshot(bytes.data(), bytes.size(), &out));
    CHECK(EncodePackSnapshot(out) == bytes);
    size_t texts_at = 0;
    REQUIRE(DecodePackSnapshot(bytes.data(), bytes.size(), &out, &texts_at));
    CHECK(out.texts.empty());
    CHECK(texts_at > 8);
    CHECK(texts_at < bytes.size());

    for (size_t cut = 0; cut < bytes.size(); cut += (cut < 2048 ? 1 : 61))
    {
        // A copy of exactly `cut` bytes, so a read past it is caught by the sanitizers.
        const std::vector<unsigned char> prefix(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(cut));
        PackSnapshot partial;
        CHECK_FALSE(DecodePackSnapshot(prefix.data(), prefix.size(), &partial));
    }
    // Counts and sizes replaced by large numbers: refused before anything that large is allocated.
    std::mt19937 random(7);
    int decoded = 0;
    for (int i = 0; i < 2000; i++)
    {
        std::vector<unsigned char> scrambled = bytes;
        const size_t at = random() % (scrambled.size() - 8);
        const unsigned char value = (i % 2) ? 0xFF : static_cast<unsigned char>(random());
        for (size_t k = 0; k < 1 + random() % 8; k++)
            scrambled[at + k] = value;
        PackSnapshot any;
        decoded += DecodePackSnapshot(scrambled.data(), scrambled.size(), &any) ? 1 : 0;
    }
    // Some changes fall inside a string and still decode; most must not.
    CHECK(decoded < 2000);
}
