#include "platform/window.h"

#include "platform/gl.h"

#include <GLFW/glfw3.h>
#include <atomic>
#include <cstdlib>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <utility>

namespace kiosk::platform
{
static std::string g_glfw_error;

static void OnGlfwError(int code, const char* description)
{
    g_glfw_error = "GLFW error " + std::to_string(code) + ": " + (description ? description : "");
}

bool HasDisplay()
{
    const char* x = std::getenv("DISPLAY");
    const char* w = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (w && *w);
}

Window::~Window()
{
    Destroy();
}

namespace
{
// The window's size: the one asked for, else the primary monitor's, else 1280x800.
void ChooseSize(const WindowOptions& options, const GLFWvidmode* mode, int* width, int* height)
{
    *width = options.width;
    *height = options.height;
    if ((*width <= 0 || *height <= 0) && mode)
    {
        *width = mode->width;
        *height = mode->height;
    }
    if (*width <= 0 || *height <= 0)
    {
        *width = 1280;
        *height = 800;
    }
}

// Tries each of GlContexts() in turn (platform/gl.h). Returns the window, with `*used` the context
// that worked; null when none did.
GLFWwindow* CreateWithContext(const WindowOptions& options, GLFWmonitor* monitor, const GLFWvidmode* mode, int width,
                              int height, const GlContext** used)
{
    int count = 0;
    const GlContext* contexts = GlContexts(&count);
    for (const GlContext* a = contexts; a != contexts + count; ++a)
    {
        glfwDefaultWindowHints();
        HintGlContext(*a);
        glfwWindowHint(GLFW_DECORATED, options.fullscreen ? GLFW_FALSE : GLFW_TRUE);
        glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
        glfwWindowHint(GLFW_CENTER_CURSOR, GLFW_FALSE); // GLFW would warp the pointer to the centre
        glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);  // stay up if focus moves (touch test tools)
        glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
        // Fullscreen at the monitor's own mode: no mode switch, so a borrowed screen keeps its
        // native resolution. Windowed mode (--windowed / --size) is for previews and tests.
        const bool full = options.fullscreen && monitor && mode && width == mode->width && height == mode->height;
        if (GLFWwindow* window =
                glfwCreateWindow(width, height, options.title.c_str(), full ? monitor : nullptr, nullptr))
        {
            *used = a;
            return window;
        }
    }
    return nullptr;
}
// A keypad's keys as commands. GLFW reports the number pad's keys as KP_0..KP_9 whether Num Lock
// is on or off, so KP_8 is Up either way; KP_5 and Space select, as switch interfaces send them.
bool KeyCommandFor(int key, int mods, core::KeyCommand* out)
{
    using core::KeyCommand;
    switch (key)
    {
    case GLFW_KEY_UP:
    case GLFW_KEY_KP_8:
        *out = KeyCommand::Up;
        return true;
    case GLFW_KEY_DOWN:
    case GLFW_KEY_KP_2:
        *out = KeyCommand::Down;
        return true;
    case GLFW_KEY_LEFT:
    case GLFW_KEY_KP_4:
        *out = KeyCommand::Left;
        return true;
    case GLFW_KEY_RIGHT:
    case GLFW_KEY_KP_6:
        *out = KeyCommand::Right;
        return true;
    case GLFW_KEY_TAB:
        *out = (mods & GLFW_MOD_SHIFT) ? KeyCommand::Previous : KeyCommand::Next;
        return true;
    case GLFW_KEY_ENTER:
    case GLFW_KEY_KP_ENTER:
    case GLFW_KEY_SPACE:
    case GLFW_KEY_KP_5:
        *out = KeyCommand::Activate;
        return true;
    case GLFW_KEY_ESCAPE:
    case GLFW_KEY_BACKSPACE:
        *out = KeyCommand::Back;
        return true;
    default:
        return false;
    }
}

// The primary monitor's physical size, when it is one a real panel could have (0 otherwise).
void MonitorMillimetres(float* mm_w, float* mm_h)
{
    *mm_w = *mm_h = 0.0f;
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor())
    {
        int w = 0, h = 0;
        glfwGetMonitorPhysicalSize(monitor, &w, &h);
        // Some drivers report nonsense (0, or a 16:9 guess of 160x90 for projectors): only
        // trust sizes that could be a real panel.
        if (w >= 50 && h >= 30 && w < 5000)
        {
            *mm_w = (float)w;
            *mm_h = (float)h;
        }
    }
}
} // namespace

bool Window::Init(std::string* error)
{
    if (m_glfw_started)
        return true;
    glfwSetErrorCallback(OnGlfwError);
    if (!glfwInit())
    {
        *error = "cannot start GLFW (" + g_glfw_error + ")";
        return false;
    }
    m_glfw_started = true;
    return true;
}

WindowInfo Window::PredictInfo(const WindowOptions& options) const
{
    WindowInfo info;
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    ChooseSize(options, monitor ? glfwGetVideoMode(monitor) : nullptr, &info.framebuffer_w, &info.framebuffer_h);
    MonitorMillimetres(&info.physical_mm_w, &info.physical_mm_h);
    return info;
}

bool Window::Create(const WindowOptions& options, std::string* error)
{
    if (!Init(error))
        return false;
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    int width = 0, height = 0;
    ChooseSize(options, mode, &width, &height);
    const GlContext* used = nullptr;
    m_window = CreateWithContext(options, monitor, mode, width, height, &used);
    if (!m_window)
    {
        *error = "cannot create a window with OpenGL 3.3, 3.1 or GLES 3.0 (" + g_glfw_error + ")";
        glfwTerminate();
        m_glfw_started = false;
        return false;
    }
    glfwSetWindowPos(m_window, 0, 0);
    glfwMakeContextCurrent(m_window);
    glfwSwapInterval(1);
    if (!LoadGl())
    {
        *error = "cannot load OpenGL functions";
        Destroy();
        return false;
    }
    const char* version = (const char*)glGetString(GL_VERSION);
    m_gl_version = version ? version : "";
    if (options.hide_cursor)
        glfwSetInputMode(m_window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
    InstallCallbacks();
    m_glsl_version = used->glsl;
    return true;
}

void Window::InstallCallbacks()
{
    // Ours go in first; ImGui's backend installs its own and chains to these.
    glfwSetWindowUserPointer(m_window, this);
    glfwSetCursorPosCallback(m_window, [](GLFWwindow* w, double, double) { NotifyInput(w, false); });
    glfwSetMouseButtonCallback(m_window,
                               [](GLFWwindow* w, int, int action, int) { NotifyInput(w, action == GLFW_PRESS); });
    glfwSetScrollCallback(m_window, [](GLFWwindow* w, double, double) { NotifyInput(w, true); });
    glfwSetKeyCallback(m_window,
                       [](GLFWwindow* w, int key, int, int action, int mods)
                       {
                           NotifyInput(w, action == GLFW_PRESS);
                           core::KeyCommand command;
                           auto* self = static_cast<Window*>(glfwGetWindowUserPointer(w));
                           if (self && action != GLFW_RELEASE && KeyCommandFor(key, mods, &command))
                               self->m_keys.push_back(command);
                       });
    glfwSetCharCallback(m_window, [](GLFWwindow* w, unsigned int) { NotifyInput(w, false); });
    glfwSetCursorEnterCallback(m_window, [](GLFWwindow* w, int) { NotifyInput(w, false); });
    glfwSetWindowFocusCallback(m_window, [](GLFWwindow* w, int) { NotifyInput(w, false); });
    glfwSetFramebufferSizeCallback(m_window, [](GLFWwindow* w, int, int) { NotifyInput(w, false); });
    glfwSetWindowRefreshCallback(m_window, [](GLFWwindow* w) { NotifyInput(w, false); });
    glfwSetWindowCloseCallback(m_window,
                               [](GLFWwindow* w)
                               {
                                   auto* self = static_cast<Window*>(glfwGetWindowUserPointer(w));
                                   if (self && !self->m_close_allowed)
                                       glfwSetWindowShouldClose(w, GLFW_FALSE);
                               });
}

void Window::StartImGui(ImFontAtlas* shared_fonts)
{
    IMGUI_CHECKVERSION();
    ImGui::CreateContext(shared_fonts);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk must not write imgui.ini
    io.LogFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(m_window, true);
    ImGui_ImplOpenGL3_Init(m_glsl_version);
    m_imgui_ready = true;
}

void Window::Destroy()
{
    if (m_imgui_ready)
    {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
        m_imgui_ready = false;
    }
    if (m_window)
    {
        glfwDestroyWindow(m_window);
        m_window = nullptr;
    }
    if (m_glfw_started)
    {
        glfwTerminate();
        m_glfw_started = false;
    }
}

bool Window::ShouldClose() const
{
    return glfwWindowShouldClose(m_window);
}

void Window::RequestClose()
{
    glfwSetWindowShouldClose(m_window, GLFW_TRUE);
}

void Window::SetCloseAllowed(bool allowed)
{
    m_close_allowed = allowed;
}

void Window::NotifyInput(GLFWwindow* window, bool is_touch)
{
    auto* self = static_cast<Window*>(glfwGetWindowUserPointer(window));
    if (!self)
        return;
    self->m_input = true;
    self->m_touch |= is_touch;
}

bool Window::TakeInput()
{
    return std::exchange(m_input, false);
}

bool Window::TakeTouch()
{
    return std::exchange(m_touch, false);
}

std::vector<core::KeyCommand> Window::TakeKeys()
{
    return std::exchange(m_keys, {});
}

void Window::RebuildFontTexture()
{
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void Window::PointerPosition(float* x, float* y) const
{
    double cx = 0, cy = 0;
    glfwGetCursorPos(m_window, &cx, &cy);
    int ww = 1, wh = 1, fw = 1, fh = 1;
    glfwGetWindowSize(m_window, &ww, &wh);
    glfwGetFramebufferSize(m_window, &fw, &fh);
    *x = (float)(cx * fw / (ww > 0 ? ww : 1));
    *y = (float)(cy * fh / (wh > 0 ? wh : 1));
}

bool Window::MouseHeld() const
{
    return glfwGetMouseButton(m_window, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS;
}

void Window::WaitForEvents(double timeout_s)
{
    if (timeout_s < 0)
        glfwWaitEvents();
    else
        glfwWaitEventsTimeout(timeout_s);
    // A key pressed and released in one burst (a keypad's quick press, xdotool's `key`) can leave
    // its press in Xlib's queue after the wait returned: take it now, not at the next event.
    glfwPollEvents();
}

void Window::PollEvents()
{
    glfwPollEvents();
}

static std::atomic<bool> g_wake_requested{false};

void Window::WakeUp()
{
    g_wake_requested = true; // before the event, so the loop sees it when it wakes
    glfwPostEmptyEvent();
}

bool Window::TakeWakeRequest()
{
    return g_wake_requested.exchange(false);
}

void Window::BeginImGuiFrame(bool suppress_mouse)
{
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (suppress_mouse)
        for (bool& down : ImGui::GetIO().MouseDown)
            down = false;
    ImGui::NewFrame();
}

void Window::RenderImGui(float r, float g, float b)
{
    ImGui::Render();
    int w = 0, h = 0;
    glfwGetFramebufferSize(m_window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(r, g, b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::Finish()
{
    glFinish();
}

void Window::Present()
{
    glfwSwapBuffers(m_window);
}

bool Window::ReadPixels(int* width, int* height, std::string* rgba)
{
    glfwGetFramebufferSize(m_window, width, height);
    if (*width <= 0 || *height <= 0)
        return false;
    const size_t row = (size_t)*width * 4;
    std::string flipped(row * (size_t)*height, '\0');
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, *width, *height, GL_RGBA, GL_UNSIGNED_BYTE, &flipped[0]);
    rgba->assign(flipped.size(), '\0');
    for (int y = 0; y < *height; y++) // GL rows run bottom to top
        flipped.copy(&(*rgba)[(size_t)y * row], row, (size_t)(*height - 1 - y) * row);
    return glGetError() == GL_NO_ERROR;
}

WindowInfo Window::Info() const
{
    WindowInfo info;
    glfwGetFramebufferSize(m_window, &info.framebuffer_w, &info.framebuffer_h);
    MonitorMillimetres(&info.physical_mm_w, &info.physical_mm_h);
    info.gl_version = m_gl_version;
    return info;
}
} // namespace kiosk::platform
