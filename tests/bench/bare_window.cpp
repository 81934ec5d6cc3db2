// careers-kiosk-bare-window: the start-up anchor for `careers-kiosk-bench app`. A bare Dear ImGui
// + GLFW + OpenGL window built from the same Debian packages and the same backend glue as the kiosk
// (GLFW 3.3, glad for GL 3.3 core or, in a KIOSK_GLES build, GLES 3.0, libimgui-dev 1.86 with its
// GLFW and OpenGL3 backends), which draws one frame of an empty ImGui window and reports it exactly
// as the kiosk does, through the kiosk's own start-up profile (app/shell/startup_profile.h: its
// phases, CPU by thread and "first-frame" once the frame is presented, with
// $KIOSK_REPORT_FIRST_FRAME set). Then it waits for SIGTERM, as the kiosk would, so both are
// stopped the same way.
//
// Usage: careers-kiosk-bare-window WIDTH HEIGHT

// GLFW must not include the system's GL header: glad's declares GL here.
#define GLFW_INCLUDE_NONE
#include "platform/gl.h"
#include "shell/startup_profile.h"

#include <GLFW/glfw3.h>
#include <csignal>
#include <cstdlib>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

namespace
{
volatile std::sig_atomic_t g_stop = 0;
} // namespace

int main(int argc, char** argv)
{
    namespace startup = kiosk::app::startup;
    startup::MarkMain();
    const int width = argc > 2 ? std::atoi(argv[1]) : 1920;
    const int height = argc > 2 ? std::atoi(argv[2]) : 1080;
    std::signal(SIGTERM, [](int) { g_stop = 1; });

    GLFWwindow* window = nullptr;
    const char* glsl = nullptr;
    {
        startup::Phase phase("glfw_init");
        if (!glfwInit())
            return 1;
    }
    {
        startup::Phase phase("window_and_gl");
        // The context the kiosk asks for first (GL 3.3 core, or GLES 3.0 in a GLES build).
        int count = 0;
        const kiosk::platform::GlContext& context = kiosk::platform::GlContexts(&count)[0];
        kiosk::platform::HintGlContext(context);
        glsl = context.glsl;
        glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
        glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
        window = glfwCreateWindow(width, height, "bare", nullptr, nullptr);
        if (!window)
            return 1;
        glfwMakeContextCurrent(window);
        glfwSwapInterval(1);
        if (!kiosk::platform::LoadGl()) // the kiosk's own loader call (GL or GLES, as built)
            return 1;
    }
    {
        startup::Phase phase("imgui_init");
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        ImGui_ImplGlfw_InitForOpenGL(window, true);
        ImGui_ImplOpenGL3_Init(glsl);
    }
    {
        startup::Phase phase("first_frame");
        ImGui_ImplOpenGL3_NewFrame(); // compiles the shaders and builds the default font's atlas
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("empty", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::End();
        ImGui::Render();
        int fw = 0, fh = 0;
        glfwGetFramebufferSize(window, &fw, &fh);
        glViewport(0, 0, fw, fh);
        glClearColor(0.95f, 0.96f, 0.97f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(window);
    }
    startup::ReportFirstFrame();

    while (!g_stop && !glfwWindowShouldClose(window))
        glfwWaitEventsTimeout(0.1);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
