// careers-kiosk-bare-window: the start-up anchor for `careers-kiosk-bench app`. A bare Dear ImGui
// + GLFW + OpenGL window built from the same Debian packages and the same backend glue as the kiosk
// (GLFW 3.3, glad 3.3 core, libimgui-dev 1.86 with its GLFW and OpenGL3 backends), which draws one
// frame of an empty ImGui window and reports it exactly as the kiosk does: one line
// "startup-phase NAME BEGIN END CPU" per phase and "first-frame MONO CPU" once the frame is presented
// (steady-clock seconds, and the process's CPU seconds so far, all threads). Then it waits for
// SIGTERM, as the kiosk would, so both are stopped the same way.
//
// Usage: careers-kiosk-bare-window WIDTH HEIGHT

// GLFW must not include the system's GL header: glad's declares GL here.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <glad/gl.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <unistd.h>

namespace
{
double MonoSeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double CpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

double ThreadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

double g_phase_cpu = 0; // the thread's CPU time when the last phase ended

void Phase(const char* name, double begin)
{
    const double cpu = ThreadCpuSeconds();
    std::printf("startup-phase %s %.6f %.6f %.6f\n", name, begin, MonoSeconds(), cpu - g_phase_cpu);
    g_phase_cpu = cpu;
}

volatile std::sig_atomic_t g_stop = 0;
} // namespace

int main(int argc, char** argv)
{
    const double main_start = MonoSeconds();
    g_phase_cpu = ThreadCpuSeconds();
    std::printf("startup-main %.6f\n", main_start);
    const int width = argc > 2 ? std::atoi(argv[1]) : 1920;
    const int height = argc > 2 ? std::atoi(argv[2]) : 1080;
    std::signal(SIGTERM, [](int) { g_stop = 1; });

    double t = MonoSeconds();
    if (!glfwInit())
        return 1;
    Phase("glfw_init", t);
    t = MonoSeconds();
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
    glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    GLFWwindow* window = glfwCreateWindow(width, height, "bare", nullptr, nullptr);
    if (!window)
        return 1;
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    if (!gladLoadGL((GLADloadfunc)glfwGetProcAddress))
        return 1;
    Phase("window_and_gl", t);
    t = MonoSeconds();
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    Phase("imgui_init", t);

    t = MonoSeconds();
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
    Phase("first_frame", t);
    std::printf("first-frame %.6f %.6f\n", MonoSeconds(), CpuSeconds());
    std::fflush(stdout);

    while (!g_stop && !glfwWindowShouldClose(window))
        glfwWaitEventsTimeout(0.1);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
