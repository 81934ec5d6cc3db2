#include "core/content/diagnostics.h"

namespace kiosk::core
{
void DiagnosticList::Error(const SourceLocation& where, std::string message)
{
    items.push_back({Severity::Error, where, std::move(message), {}});
}

void DiagnosticList::Warning(const SourceLocation& where, std::string message)
{
    items.push_back({Severity::Warning, where, std::move(message), {}});
}

int DiagnosticList::ErrorCount() const
{
    int n = 0;
    for (const Diagnostic& d : items)
        n += d.severity == Severity::Error ? 1 : 0;
    return n;
}

int DiagnosticList::WarningCount() const
{
    return (int)items.size() - ErrorCount();
}

void DiagnosticList::Append(const DiagnosticList& other)
{
    items.insert(items.end(), other.items.begin(), other.items.end());
}

std::string FormatDiagnostic(const Diagnostic& d)
{
    std::string out = d.where.file.empty() ? std::string("(content)") : d.where.file;
    if (d.where.line > 0)
    {
        out += ":" + std::to_string(d.where.line);
        if (d.where.column > 0)
            out += ":" + std::to_string(d.where.column);
    }
    out += d.severity == Severity::Error ? ": error: " : ": warning: ";
    out += d.message;
    return out;
}

std::string FormatDiagnosticWithExcerpt(const Diagnostic& d)
{
    return d.excerpt.empty() ? FormatDiagnostic(d) : FormatDiagnostic(d) + "\n" + d.excerpt;
}

std::string FormatDiagnostics(const DiagnosticList& list)
{
    std::string out;
    for (const Diagnostic& d : list.items)
        out += FormatDiagnosticWithExcerpt(d) + "\n";
    const int errors = list.ErrorCount();
    const int warnings = list.WarningCount();
    out += std::to_string(errors) + (errors == 1 ? " error, " : " errors, ") + std::to_string(warnings) +
           (warnings == 1 ? " warning\n" : " warnings\n");
    return out;
}
} // namespace kiosk::core
