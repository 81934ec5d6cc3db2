#include "ui/hit_registry.h"

namespace kiosk::ui
{
void HitRegistry::Add(std::string id, float x0, float y0, float x1, float y1)
{
    if (x1 <= x0 || y1 <= y0)
        return;
    HitArea area{std::move(id), x0, y0, x1, y1, x0, y0, x1, y1};
    area.clip_x0 = area.clip_y0 = -1e9f;
    area.clip_x1 = area.clip_y1 = 1e9f;
    Add(std::move(area));
}

void HitRegistry::Add(HitArea area)
{
    if (area.x1 <= area.x0 || area.y1 <= area.y0)
        return;
    area.order = m_next_order++;
    m_areas.push_back(std::move(area));
}

void HitRegistry::AddHidden(HitArea area)
{
    area.order = m_next_order++;
    area.x0 = area.x1 = area.y0 = area.y1 = 0.0f;
    m_hidden.push_back(std::move(area));
}

bool HitRegistry::Drew(const std::string& needle) const
{
    for (const std::string& s : drawn_text)
        if (s.find(needle) != std::string::npos)
            return true;
    return false;
}

const HitArea* HitRegistry::Find(const std::string& id) const
{
    for (const HitArea& a : m_areas)
        if (a.id == id)
            return &a;
    return nullptr;
}

std::vector<HitArea> HitRegistry::WithPrefix(const std::string& prefix) const
{
    std::vector<HitArea> out;
    for (const HitArea& a : m_areas)
        if (a.id.compare(0, prefix.size(), prefix) == 0)
            out.push_back(a);
    return out;
}
} // namespace kiosk::ui
