// Reads content/quiz.json (the "What could you do?" quiz) into a Quiz, checking each field as it
// goes. References to roles and images are handed back for the loader's cross-file checks.
#pragma once
#include "core/content/json_fields.h"
#include "core/quiz/quiz_model.h"

#include <string>
#include <utility>
#include <vector>

namespace kiosk::core
{
using LocatedIds = std::vector<std::pair<std::string, SourceLocation>>;

// `r` is the file's top-level object. Role ids go to `role_refs`, illustrations to `images`.
void ReadQuizObject(FieldReader& r, Quiz& quiz, DiagnosticList& diags, LocatedIds& role_refs, LocatedIds& images);
} // namespace kiosk::core
