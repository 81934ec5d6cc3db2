// Default sanitizer options for kiosk_image_sanitize_tests, so CTest needs no environment:
// leaks are errors, every UBSan report prints a stack and stops the test.
extern "C" const char* __asan_default_options()
{
    return "detect_leaks=1:halt_on_error=1:abort_on_error=0";
}

extern "C" const char* __ubsan_default_options()
{
    return "print_stacktrace=1:halt_on_error=1";
}
