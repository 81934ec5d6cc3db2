// QR codes for "take this page with you" links: a matrix of modules the UI draws as rectangles.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::core
{
// A square QR symbol. modules holds size * size bytes, row by row, 1 = dark, 0 = light.
// The matrix has no quiet zone: the UI leaves a light margin of at least 4 modules around it.
// An empty matrix (size 0) means the text could not be encoded.
struct QrMatrix
{
    int size = 0;
    std::vector<uint8_t> modules;

    bool Empty() const { return size <= 0; }
    // Dark module at column x, row y; false outside the matrix.
    bool At(int x, int y) const
    {
        if (x < 0 || y < 0 || x >= size || y >= size)
            return false;
        return modules[static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x)] != 0;
    }
};

// Encodes UTF-8 text with medium error correction (about 15% of the symbol can be damaged or
// covered). Returns an empty matrix when the text is empty or too long for the largest symbol
// (version 40: about 2,300 bytes of UTF-8 at this level). Never throws.
QrMatrix MakeQrCode(const std::string& text);
} // namespace kiosk::core
