// Diagnostics: what is wrong with an input, and exactly where.
// Every loader (content, pathway, attract slides, images, stats files) reports through this
// type so that an editor sees one format: FILE:LINE:COLUMN: error|warning: message.
#pragma once
#include <string>
#include <vector>

namespace kiosk::core
{
enum class Severity
{
    Warning,
    Error,
};

// A place in a content file. line and column are 1-based; 0 means "the whole file".
struct SourceLocation
{
    std::string file; // path relative to the content folder, with '/' separators
    int line = 0;
    int column = 0;
};

struct Diagnostic
{
    Severity severity = Severity::Error;
    SourceLocation where;
    std::string message;
    // Optional: the offending line with a caret under the column, as compilers print it (two
    // lines, see SourceExcerpt in json_diagnosis.h). Set for JSON syntax errors.
    std::string excerpt;
};

// An ordered list of diagnostics. Loaders append; nothing is ever dropped.
struct DiagnosticList
{
    std::vector<Diagnostic> items;

    void Error(const SourceLocation& where, std::string message);
    void Warning(const SourceLocation& where, std::string message);
    int ErrorCount() const;
    int WarningCount() const;
    bool HasErrors() const { return ErrorCount() > 0; }
    void Append(const DiagnosticList& other);
};

// "roles/clinical-engineer.json:12:5: error: unknown key 'titel'". A whole-file location prints
// as "FILE: error: ..."; a location with a line but no column as "FILE:LINE: ...".
std::string FormatDiagnostic(const Diagnostic& d);
// The line above, then the excerpt's lines when there is one.
std::string FormatDiagnosticWithExcerpt(const Diagnostic& d);
std::string FormatDiagnostics(const DiagnosticList& list); // each with its excerpt, then a summary line
} // namespace kiosk::core
