#include "core/visit/visit_actions.h"

#include <type_traits>

namespace kiosk::core
{
std::string DescribeAction(const VisitAction& action)
{
    return std::visit(
        [](const auto& a) -> std::string
        {
            using A = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<A, OpenRole>)
                return "open-role:" + a.role_id;
            else if constexpr (std::is_same_v<A, OpenGallery>)
                return "open-gallery:" + (a.role_id.empty() ? std::string("all") : a.role_id) + ":" +
                       std::to_string(a.index);
            else if constexpr (std::is_same_v<A, OpenPathway>)
                return "open-pathway:" + a.node_id + ":" + a.start_id + ":" + a.role_id;
            else if constexpr (std::is_same_v<A, Back>)
                return "back";
            else if constexpr (std::is_same_v<A, Home>)
                return "home";
            else if constexpr (std::is_same_v<A, SetLanguage>)
                return "set-language:" + a.code;
            else if constexpr (std::is_same_v<A, ToggleLargerText>)
                return "toggle-larger-text";
            else if constexpr (std::is_same_v<A, ToggleHighContrast>)
                return "toggle-high-contrast";
            else if constexpr (std::is_same_v<A, GalleryNext>)
                return "gallery-next";
            else if constexpr (std::is_same_v<A, GalleryPrev>)
                return "gallery-prev";
            else if constexpr (std::is_same_v<A, ReloadContent>)
                return "reload-content";
            else if constexpr (std::is_same_v<A, PathwayStartChosen>)
                return "pathway-start:" + a.start_id;
            else if constexpr (std::is_same_v<A, PathwayNodeOpened>)
                return "pathway-node:" + a.node_id;
            else if constexpr (std::is_same_v<A, OpenGlossaryTerm>)
                return "open-glossary:" + a.term_id;
            else if constexpr (std::is_same_v<A, CloseGlossary>)
                return "close-glossary";
            else if constexpr (std::is_same_v<A, StartQuiz>)
                return "start-quiz";
            else if constexpr (std::is_same_v<A, AnswerQuiz>)
                return "answer-quiz:" + a.question_id + ":" + a.answer_id;
            else if constexpr (std::is_same_v<A, QuizPrevious>)
                return "quiz-previous";
            else if constexpr (std::is_same_v<A, QuizShowRoute>)
                return "quiz-route:" + a.role_id;
            else if constexpr (std::is_same_v<A, ReadAloud>)
                return "read-aloud:" + a.target.Key();
            else if constexpr (std::is_same_v<A, StopReading>)
                return "stop-reading";
            else if constexpr (std::is_same_v<A, MoreTime>)
                return "more-time";
            else
                return "none";
        },
        action);
}
} // namespace kiosk::core
