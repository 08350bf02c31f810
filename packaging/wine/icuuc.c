/* Stand-in for Windows' system icuuc.dll, for packaging/wine_check.py only: never shipped with the program.
 *
 * Qt 6.10+'s Qt6Core.dll imports ICU's converter API from the system icuuc.dll (Windows 10 1903 and later
 * have one); Wine 8 has none, so PySide6 fails with "DLL load failed while importing QtCore". Every
 * function here fails the way ICU does when a converter's data is missing (U_MISSING_RESOURCE_ERROR), so Qt
 * falls back to its own codecs (UTF-8/16/32, Latin-1, and the system code page through Windows' API).
 * The exports are exactly those Qt6Core imports (x86_64-w64-mingw32-objdump -p Qt6Core.dll).
 */
#include <stddef.h>
#include <stdint.h>

#define EXPORT __declspec(dllexport)

typedef int UErrorCode;
typedef uint16_t UChar;
typedef int8_t UBool;
typedef struct UConverter UConverter;
typedef void (*UConverterCallback)(void);

enum { U_MISSING_RESOURCE_ERROR = 2 };

static void fail(UErrorCode *err) {
    if (err != NULL && *err <= 0) {
        *err = U_MISSING_RESOURCE_ERROR;
    }
}

EXPORT UConverter *ucnv_open(const char *name, UErrorCode *err) { (void)name; fail(err); return NULL; }
EXPORT void ucnv_close(UConverter *cnv) { (void)cnv; }
EXPORT void ucnv_reset(UConverter *cnv) { (void)cnv; }
EXPORT int8_t ucnv_getMaxCharSize(const UConverter *cnv) { (void)cnv; return 1; }
EXPORT const char *ucnv_getName(const UConverter *cnv, UErrorCode *err) { (void)cnv; fail(err); return ""; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }

EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err) {
    (void)name; (void)standard; fail(err); return NULL;
}

EXPORT void ucnv_getToUCallBack(const UConverter *cnv, UConverterCallback *action, const void **context) {
    (void)cnv;
    if (action != NULL) *action = NULL;
    if (context != NULL) *context = NULL;
}

EXPORT void ucnv_getFromUCallBack(const UConverter *cnv, UConverterCallback *action, const void **context) {
    ucnv_getToUCallBack(cnv, action, context);
}

EXPORT void ucnv_setToUCallBack(UConverter *cnv, UConverterCallback action, const void *context,
                                UConverterCallback *old_action, const void **old_context, UErrorCode *err) {
    (void)cnv; (void)action; (void)context;
    ucnv_getToUCallBack(NULL, old_action, old_context);
    fail(err);
}

EXPORT void ucnv_setFromUCallBack(UConverter *cnv, UConverterCallback action, const void *context,
                                  UConverterCallback *old_action, const void **old_context, UErrorCode *err) {
    ucnv_setToUCallBack(cnv, action, context, old_action, old_context, err);
}

EXPORT void ucnv_toUnicode(UConverter *cnv, UChar **target, const UChar *target_limit, const char **source,
                           const char *source_limit, int32_t *offsets, UBool flush, UErrorCode *err) {
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets; (void)flush;
    fail(err);
}

EXPORT void ucnv_fromUnicode(UConverter *cnv, char **target, const char *target_limit, const UChar **source,
                             const UChar *source_limit, int32_t *offsets, UBool flush, UErrorCode *err) {
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets; (void)flush;
    fail(err);
}

EXPORT int32_t ucnv_toUCountPending(const UConverter *cnv, UErrorCode *err) { (void)cnv; fail(err); return 0; }
EXPORT int32_t ucnv_fromUCountPending(const UConverter *cnv, UErrorCode *err) { (void)cnv; fail(err); return 0; }

EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offset_index,
                                  UErrorCode *err) {
    (void)args; (void)source; (void)length; (void)offset_index; fail(err);
}

EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *source_limit,
                                    int32_t offset_index, UErrorCode *err) {
    (void)args; (void)source; (void)source_limit; (void)offset_index; fail(err);
}

/* The standard callbacks: never reached, since no converter ever opens. */
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const UChar *code_units,
                                            int32_t length, int32_t code_point, int reason, UErrorCode *err) {
    (void)context; (void)args; (void)code_units; (void)length; (void)code_point; (void)reason; fail(err);
}

EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *code_units,
                                          int32_t length, int reason, UErrorCode *err) {
    (void)context; (void)args; (void)code_units; (void)length; (void)reason; fail(err);
}
