/* Stand-in for mscms.dll (colour management), for packaging/wine_check.py only: never shipped.
 *
 * Qt's qwindows platform plugin imports WcsCreateIccProfile, which Wine 8's mscms lacks: the plugin then
 * fails to load ("Cannot create window: no screens available"). This DLL, loaded before Wine's own through
 * WINEDLLOVERRIDES=mscms=n,b, exports exactly what qwindows.dll imports and answers every call with
 * ERROR_NOT_SUPPORTED, as a Windows without colour profiles would; Qt then draws in plain sRGB.
 */
#include <windows.h>

#define EXPORT __declspec(dllexport)

typedef HANDLE HPROFILE;

static BOOL not_supported(void) {
    SetLastError(ERROR_NOT_SUPPORTED);
    return FALSE;
}

EXPORT HPROFILE WINAPI OpenColorProfileW(void *profile, DWORD access, DWORD share, DWORD creation) {
    (void)profile; (void)access; (void)share; (void)creation;
    not_supported();
    return NULL;
}

EXPORT BOOL WINAPI CloseColorProfile(HPROFILE profile) { (void)profile; return not_supported(); }

EXPORT BOOL WINAPI GetColorProfileFromHandle(HPROFILE profile, BYTE *buffer, DWORD *size) {
    (void)profile; (void)buffer; (void)size;
    return not_supported();
}

EXPORT HPROFILE WINAPI WcsCreateIccProfile(HPROFILE profile, DWORD intent) {
    (void)profile; (void)intent;
    not_supported();
    return NULL;
}
