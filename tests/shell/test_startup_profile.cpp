// The start-up profile stops recording (issue 14, the soak): its phases wrap every frame's uploads
// and drawing, so a profile that went on recording after the first frame grew all day. The profile
// is one per process, so one test case goes through its whole life.
#include "shell/startup_profile.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>

namespace startup = kiosk::app::startup;

TEST_CASE("the start-up profile stays bounded and ends at the first frame, reported or not", "[shell][day]")
{
    unsetenv("KIOSK_REPORT_FIRST_FRAME");
    startup::MarkMain();
    const std::size_t before = startup::RecordedPhases(); // none, unless another test in this process recorded
    for (int i = 0; i < 50; i++)
        startup::Record("content_load", 1.0, 2.0);
    REQUIRE(startup::RecordedPhases() == std::min(before + 50, startup::kMaxPhases));
    // Frames before the first one shown (waiting for its pictures) record phases too: a day's worth
    // of frames (millions; a tenth of a million here) must not grow the list past its cap.
    for (int frame = 0; frame < 100000; frame++)
    {
        startup::Phase uploads("texture_uploads");
        startup::Record("gl_render", 1.0, 2.0);
    }
    CHECK(startup::RecordedPhases() == startup::kMaxPhases);
    // The first frame: without $KIOSK_REPORT_FIRST_FRAME nothing is printed, the list is emptied
    // and every later frame records nothing.
    startup::ReportFirstFrame();
    CHECK(startup::RecordedPhases() == 0);
    for (int frame = 0; frame < 1000; frame++)
    {
        startup::Phase draw("first_frame_draw");
    }
    CHECK(startup::RecordedPhases() == 0);
}
