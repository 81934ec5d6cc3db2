// Window: the one fullscreen GLFW window with its GL context, and the ImGui platform and
// renderer backends bound to it. Everything GLFW/GL the app needs beyond textures is here.
//
// Contract: create and use a Window only on the main thread. WakeUp() is the exception: any
// thread may call it to make WaitForEvents() return (it wraps glfwPostEmptyEvent).
#pragma once
#include "core/visit/key_command.h"

#include <string>
#include <vector>

struct GLFWwindow;
struct ImFontAtlas;

namespace kiosk::platform
{
struct WindowOptions
{
    bool fullscreen = true; // borderless fullscreen on the primary monitor
    int width = 0;          // windowed size, or 0 for the monitor's size
    int height = 0;
    bool hide_cursor = true; // a touch kiosk shows no pointer
    bool visible = true;     // false for off-screen screenshots
    std::string title = "Careers kiosk";
};

struct WindowInfo
{
    int framebuffer_w = 0;
    int framebuffer_h = 0;
    float physical_mm_w = 0.0f; // 0 when the monitor does not say
    float physical_mm_h = 0.0f;
    std::string gl_version; // as the driver reports it
};

class Window
{
public:
    Window() = default;
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    // Starts GLFW (the connection to the display), before Create. Create starts it if this was
    // not called. On failure returns false with `error` set.
    bool Init(std::string* error);
    // After Init, before Create: the size and physical size the window will have, so fonts can be
    // baked for it while Create runs (on X11 the framebuffer is the window's size).
    WindowInfo PredictInfo(const WindowOptions& options) const;
    // Creates the window and context, trying GL 3.3 core, then 3.1, then GLES 3.0, so that a
    // Raspberry Pi (GL 3.1 / GLES 3.1) works. On failure returns false with `error` set.
    bool Create(const WindowOptions& options, std::string* error);
    // After Create: the ImGui context and its GLFW and OpenGL backends, with `shared_fonts` as the
    // font atlas when given (it must outlive the window), else ImGui's own. No other thread may
    // use ImGui's allocator while this runs (ImGui counts allocations in the context).
    void StartImGui(ImFontAtlas* shared_fonts = nullptr);
    void Destroy();

    bool ShouldClose() const;
    void RequestClose();
    // When false (kiosk mode), the window manager's close request (Alt+F4) is refused.
    void SetCloseAllowed(bool allowed);
    // Sleeps until input or WakeUp(), at most `timeout_s` (negative: forever).
    void WaitForEvents(double timeout_s);
    void PollEvents();
    // Any thread: makes WaitForEvents() return and TakeWakeRequest() true (a worker has news).
    static void WakeUp();
    static bool TakeWakeRequest();

    // Input seen since the last call: any event at all (the loop draws after it), and a touch (a
    // press, a scroll or a key: the visit model counts it as a visitor's). Main thread.
    bool TakeInput();
    bool TakeTouch();
    // The keypad's commands pressed (or auto-repeated) since the last call, in order. Keys that
    // mean nothing to a visitor are not in the list (they still count as input and a touch).
    std::vector<core::KeyCommand> TakeKeys();

    // After the ImGui font atlas was rebuilt: uploads it again as the renderer's font texture.
    void RebuildFontTexture();

    // Backend NewFrame calls, then ImGui::NewFrame(). With suppress_mouse, ImGui sees no button
    // held this frame: a touch that only woke the kiosk must not press what is under it.
    void BeginImGuiFrame(bool suppress_mouse = false);
    bool MouseHeld() const;                         // the primary button (or a finger) is down now
    void PointerPosition(float* x, float* y) const; // in framebuffer pixels
    void RenderImGui(float r, float g, float b);    // clear, render draw data, no swap
    void Present();                                 // swap buffers
    void Finish();                                  // waits until GL has finished drawing (benchmarks)
    // Reads the back buffer (after RenderImGui, before Present) as RGBA8 rows top to bottom.
    bool ReadPixels(int* width, int* height, std::string* rgba);

    WindowInfo Info() const;
    GLFWwindow* Handle() const { return m_window; }

private:
    GLFWwindow* m_window = nullptr;
    bool m_imgui_ready = false;
    std::string m_gl_version;
    bool m_input = false; // set by the GLFW callbacks on the main thread
    bool m_touch = false;
    bool m_close_allowed = true;
    std::vector<core::KeyCommand> m_keys; // set by the key callback on the main thread

    static void NotifyInput(GLFWwindow* window, bool is_touch);
    void InstallCallbacks();
    bool m_glfw_started = false;
    const char* m_glsl_version = nullptr; // of the context Create made
};

// True when a display server is reachable ($DISPLAY or $WAYLAND_DISPLAY set).
bool HasDisplay();
} // namespace kiosk::platform
