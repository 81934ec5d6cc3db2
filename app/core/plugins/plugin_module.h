// Finds and opens one of the kiosk's own plugin modules (careers-kiosk-svg.so,
// careers-kiosk-speech.so): small shared objects of ours that link a heavy Debian library
// (librsvg, espeak-ng) so that the executable does not. The executable then starts without
// mapping and relocating those libraries' ~60 dependencies, and they never join the global
// symbol scope that every later dlopen (Mesa, LLVM) searches. dpkg-shlibdeps still sees them:
// it scans every ELF file in the package, the modules included.
//
// Where a module is looked for, in order (the first that exists is opened, the others are not
// tried, so a broken module is reported, never silently replaced):
//   1. $KIOSK_PLUGIN_DIR, when set (and then only there: tests use it to take modules away);
//   2. the folder of the running executable (a build tree: the modules are built beside it);
//   3. the installed folder, KIOSK_PLUGIN_INSTALL_DIR (/usr/lib/<multiarch>/careers-kiosk).
//
// Opened RTLD_NOW | RTLD_LOCAL (its libraries stay out of the global scope) and never closed.
// Thread-safe; may be called from any thread.
#pragma once
#include <string>
#include <vector>

namespace kiosk::core
{
struct PluginModule
{
    void* handle = nullptr; // dlopen's handle; null when the module could not be opened
    std::string path;       // the file opened (or the last one tried)
    std::string error;      // why not, one line, when handle is null
};

// The folders searched for a module, in order (see above).
std::vector<std::string> PluginSearchPath();

// Opens `file_name` (e.g. "careers-kiosk-svg.so") from the first folder that has it.
PluginModule OpenPluginModule(const std::string& file_name);

// The address of `symbol` in an opened module, or null.
void* PluginSymbol(const PluginModule& module, const char* symbol);

// The table that `module`'s entry point `symbol` returns, when it is this build's: its `abi` is
// `abi`, its `size` is sizeof(Table) and `complete` finds every function in it. Otherwise null,
// with `error` saying why in one line (the module missing, no entry point, another version).
template <typename Table>
const Table* PluginTable(const PluginModule& module, const char* symbol, unsigned abi, bool (*complete)(const Table&),
                         std::string& error)
{
    if (!module.handle)
    {
        error = module.error;
        return nullptr;
    }
    using Entry = const Table* (*)();
    const auto entry = reinterpret_cast<Entry>(PluginSymbol(module, symbol));
    if (!entry)
    {
        error = module.path + " has no " + symbol + " (a module from another version)";
        return nullptr;
    }
    const Table* table = entry();
    if (!table || table->abi != abi || table->size != sizeof(Table) || !complete(*table))
    {
        error = module.path + " is from another version of the kiosk (its interface differs)";
        return nullptr;
    }
    return table;
}
} // namespace kiosk::core
