#include "catalog/pinyin.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <memory>
#include <mutex>
#include <stdexcept>

namespace onewindow::server {

std::string pinyinInitials(const std::string &utf8)
{
    static std::mutex mutex; // an ICU Transliterator is not safe to share between threads
    static std::unique_ptr<icu::Transliterator> transliterator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(
            icu::Transliterator::createInstance("Han-Latin; Latin-ASCII", UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !t)
            throw std::runtime_error(std::string("ICU transliterator unavailable: ") + u_errorName(status));
        return t;
    }();

    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
    std::string initials;
    std::lock_guard lock(mutex);
    for (int32_t i = 0; i < text.length();) {
        const UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                initials += static_cast<char>(c);
            else if (c >= 'A' && c <= 'Z')
                initials += static_cast<char>(c - 'A' + 'a');
            continue;
        }
        UErrorCode status = U_ZERO_ERROR;
        if (uscript_getScript(c, &status) != USCRIPT_HAN)
            continue;
        icu::UnicodeString one(c);
        transliterator->transliterate(one);
        for (int32_t j = 0; j < one.length(); ++j) {
            const UChar letter = one.charAt(j);
            if (letter >= 'a' && letter <= 'z') {
                initials += static_cast<char>(letter);
                break;
            }
            if (letter >= 'A' && letter <= 'Z') {
                initials += static_cast<char>(letter - 'A' + 'a');
                break;
            }
        }
    }
    return initials;
}

} // namespace onewindow::server
