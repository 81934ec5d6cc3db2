#include "core/content/interface_strings.h"

#include "core/pathway/pathway_kinds.h"

namespace kiosk::core
{
const std::vector<InterfaceString>& InterfaceStrings()
{
    static const std::vector<InterfaceString> table = []
    {
        std::vector<InterfaceString> t = {
            // Every screen's top bar.
            {"nav.back", "Back", "top bar: the button back to the previous screen"},
            {"nav.home", "Home", "top bar: the button to the home screen"},
            {"a11y.larger_text", "Larger text", "top bar: the larger-text switch"},
            {"a11y.high_contrast", "High contrast", "top bar: the high-contrast switch"},
            // Attract loop and "Still there?".
            {"app.touch_to_explore", "Touch to explore", "attract loop: the prompt under the slides"},
            {"idle.still_there", "Still there?", "the \"Still there?\" overlay: its heading"},
            {"idle.tap_to_continue", "Touch the screen to carry on", "the \"Still there?\" overlay: what to do"},
            // Home.
            {"home.title", "Explore careers", "home: the heading above the role cards"},
            {"home.subtitle", "Touch a card to see what the job is like", "home: the line under the heading"},
            {"home.find_route", "Find your route", "home: the button to the flowchart"},
            {"home.gallery", "Photo gallery", "home: the button to the photo gallery"},
            // Role page.
            {"role.what_you_do", "What you would do", "role page: heading of the duties"},
            {"role.where_you_work", "Where you would work", "role page: heading of the workplaces"},
            {"role.skills", "Skills and qualities", "role page: heading of the skills"},
            {"role.pay", "Pay", "role page: heading of the pay bands"},
            {"role.hours", "Hours", "role page: heading of the hours"},
            {"role.working_patterns", "Working patterns", "role page: heading of the working patterns"},
            {"role.also_known_as", "Other job titles", "role page: heading of the other names for the job"},
            {"role.entry_routes", "Ways in", "role page: heading of the entry routes"},
            {"role.good_to_know", "Good to know", "role page: heading of the notes"},
            {"role.professional_bodies", "Professional bodies", "role page: heading of the professional bodies"},
            {"role.photos", "Photos", "role page: heading of the role's photos"},
            {"role.specialisms", "Specialisms",
             "role page and home: heading of a role's specialisms (after the role's name)"},
            {"role.qr_prompt", "Scan to take this home on your phone", "role page: the line beside the QR code"},
            {"role.how_do_i_get_here", "How do I get this job?",
             "role page: the button that lights the routes into the job"},
            // Gallery.
            {"gallery.title", "Photo gallery", "gallery: the title in the top bar"},
            {"gallery.counter", "{n} of {total}", "gallery: which photo this is ({n} and {total} become numbers)"},
            {"gallery.swipe_hint", "Swipe to see more", "gallery: the hint under the first photo"},
            // Every scrolling screen.
            {"scroll.more", "More below", "every screen that scrolls: the cue at its bottom edge while there is more"},
            // Flowchart.
            {"pathway.title", "Find your route", "flowchart: the title in the top bar"},
            {"pathway.where_are_you_now", "Where are you now?", "flowchart: the heading of the start points"},
            {"pathway.fit", "Show all", "flowchart: the button that shows the whole chart"},
            {"pathway.duration", "How long", "flowchart step details: heading of the duration"},
            {"pathway.requirements", "What you need", "flowchart step details: heading of the requirements"},
            {"pathway.leads_to", "Leads to", "flowchart step details: heading of the roles the step leads to"},
            {"pathway.next_steps", "Next steps", "flowchart step details: heading of the steps that follow"},
            {"pathway.close", "Close", "flowchart step details: the button that closes them"},
            // Fault screen (for staff, when no content pack can be loaded).
            {"fault.title", "Content could not be loaded", "fault screen (staff): its heading"},
            {"fault.body",
             "The kiosk is safe and waiting. Fix the content files listed below (file:line:column), then tap Try "
             "again. Run careers-kiosk --validate DIR to check them at a desk.",
             "fault screen (staff): what to do"},
            {"fault.counts", "{errors} error(s), {warnings} warning(s)",
             "fault screen (staff): how many problems ({errors} and {warnings} become numbers)"},
            {"fault.no_details", "No details were reported.", "fault screen (staff): shown when the list is empty"},
            {"fault.try_again", "Try again", "fault screen (staff): the button that loads the content again"},
            {"glossary.close_hint", "Touch anywhere to close", "a word's definition card: how to close it"},
        };
        for (const PathwayNodeKind& kind : PathwayNodeKinds())
            t.push_back(
                {PathwayNodeKindKey(kind.id), kind.label,
                 std::string("flowchart: the name of a \"") + kind.id + "\" step, on the node and in the legend"});
        return t;
    }();
    return table;
}

const InterfaceString* FindInterfaceString(const std::string& key)
{
    for (const InterfaceString& s : InterfaceStrings())
        if (s.key == key)
            return &s;
    return nullptr;
}
} // namespace kiosk::core
