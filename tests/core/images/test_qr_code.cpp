// QR codes: a matrix the UI can draw, or an empty one when the text cannot be encoded.
#include "core/images/qr_code.h"

#include <catch2/catch.hpp>
#include <string>

using kiosk::core::MakeQrCode;
using kiosk::core::QrMatrix;

namespace
{
// A finder pattern: 7x7 dark ring, light ring, 3x3 dark centre, with its top-left at (x, y).
bool HasFinderAt(const QrMatrix& m, int x, int y)
{
    for (int dy = 0; dy < 7; dy++)
        for (int dx = 0; dx < 7; dx++)
        {
            bool ring = dx == 0 || dy == 0 || dx == 6 || dy == 6;
            bool centre = dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4;
            if (m.At(x + dx, y + dy) != (ring || centre))
                return false;
        }
    return true;
}
} // namespace

TEST_CASE("a URL becomes a square QR matrix with the three finder patterns", "[qr]")
{
    QrMatrix m = MakeQrCode("https://www.healthcareers.nhs.uk/explore-roles/healthcare-science");
    REQUIRE_FALSE(m.Empty());
    CHECK(m.size >= 21);
    CHECK((m.size - 17) % 4 == 0); // versions 1-40: 21, 25, ... 177 modules
    CHECK(m.modules.size() == size_t(m.size) * size_t(m.size));
    CHECK(HasFinderAt(m, 0, 0));
    CHECK(HasFinderAt(m, m.size - 7, 0));
    CHECK(HasFinderAt(m, 0, m.size - 7));
    CHECK_FALSE(HasFinderAt(m, m.size - 7, m.size - 7)); // no finder bottom-right
    // Timing pattern on row 6 alternates between the finders.
    for (int x = 8; x < m.size - 8; x++)
        CHECK(m.At(x, 6) == (x % 2 == 0));
}

TEST_CASE("QR matrices are deterministic and grow with the text", "[qr]")
{
    QrMatrix a = MakeQrCode("https://example.org/a");
    QrMatrix b = MakeQrCode("https://example.org/a");
    CHECK(a.modules == b.modules);
    QrMatrix longer = MakeQrCode(std::string(300, 'x'));
    CHECK(longer.size > a.size);
    CHECK_FALSE(MakeQrCode("Gwyddor gofal iechyd: ŵ ŷ £ –").Empty()); // UTF-8 text works
}

TEST_CASE("QR: At is false outside the matrix", "[qr]")
{
    QrMatrix m = MakeQrCode("x");
    REQUIRE(m.size == 21);
    CHECK(m.At(0, 0));
    CHECK_FALSE(m.At(-1, 0));
    CHECK_FALSE(m.At(0, -1));
    CHECK_FALSE(m.At(21, 0));
    CHECK_FALSE(m.At(0, 21));
    CHECK_FALSE(QrMatrix{}.At(0, 0));
}

TEST_CASE("QR: empty or too-long text gives an empty matrix, not an exception", "[qr]")
{
    CHECK(MakeQrCode("").Empty());
    QrMatrix too_long = MakeQrCode(std::string(5000, 'a'));
    CHECK(too_long.Empty());
    CHECK(too_long.modules.empty());
    CHECK_FALSE(MakeQrCode(std::string(2000, '7')).Empty()); // digits pack densely: still fits
}
