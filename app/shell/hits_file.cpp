#include "shell/hits_file.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace kiosk::app
{
void HitsFile::ConfigureFromEnvironment()
{
    if (const char* env = std::getenv("KIOSK_HITS_FILE"); env && *env)
        m_path = env;
}

void HitsFile::Write(const std::string& screen_name, const ui::HitRegistry& hits, const std::string& focus)
{
    if (m_path.empty())
        return;
    std::string text = "screen " + screen_name + "\n";
    if (!focus.empty())
        text += "focus " + focus + "\n";
    char line[512];
    for (const ui::HitArea& a : hits.Areas())
    {
        std::snprintf(line, sizeof(line), "%s %.0f %.0f %.0f %.0f\n", a.id.c_str(), a.x0, a.y0, a.x1, a.y1);
        text += line;
    }
    if (text == m_last_text)
        return;
    m_last_text = text;
    const std::string tmp = m_path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << text;
    }
    std::rename(tmp.c_str(), m_path.c_str());
}
} // namespace kiosk::app
