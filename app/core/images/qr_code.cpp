// QR codes through Debian's libqrcodegencpp (Nayuki's QR Code generator).
#include "core/images/qr_code.h"

#include <qrcodegen/qrcodegen.hpp>

namespace kiosk::core
{
QrMatrix MakeQrCode(const std::string& text)
{
    QrMatrix matrix;
    if (text.empty())
        return matrix;
    try
    {
        qrcodegen::QrCode code = qrcodegen::QrCode::encodeText(text.c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
        int size = code.getSize();
        matrix.modules.resize(static_cast<size_t>(size) * static_cast<size_t>(size));
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
                matrix.modules[static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x)] =
                    code.getModule(x, y) ? 1 : 0;
        matrix.size = size;
    }
    catch (const std::exception&)
    {
        // data_too_long (a std::length_error) or an allocation failure: no code rather than a crash.
        matrix = QrMatrix{};
    }
    return matrix;
}
} // namespace kiosk::core
