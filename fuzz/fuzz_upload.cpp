// The upload path of attachments (server/cases/uploadfile): the file name from `?filename=` or
// a Content-Disposition header, cleaned; the media type sniffed from the content; the
// Content-Disposition the download answers with. A cleaned name is what the database stores
// and JSON carries: valid UTF-8, no control character or quote, no path, at most 200 bytes.
//
// Input: a Content-Disposition header, a NUL, then the file's leading bytes.

#include "fuzz.h"

#include "cases/uploadfile.h"

#include <string_view>

using namespace onewindow::server;
using onewindow::fuzz::require;

namespace {

void checkClean(const std::string &given)
{
    const std::string name = cleanFilename(given);
    require(name.size() <= 200, "at most 200 bytes");
    require(onewindow::fuzz::isUtf8(name), "a cleaned name is UTF-8");
    for (char c : name) {
        require(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f, "no control character");
        require(c != '"' && c != '/' && c != '\\', "no quote, no path");
    }
    require(name != "." && name != "..", "not a directory's name");
    require(cleanFilename(name) == name, "cleaning a clean name changes nothing");

    for (const char *mediaType : {"application/pdf", "image/jpeg", "image/png"}) {
        const std::string disposition = contentDispositionOf(name, mediaType);
        require(disposition.rfind("inline; filename=\"", 0) == 0, "an inline disposition");
        for (char c : disposition)
            require(c != '\r' && c != '\n' && c != '\0', "a header value on one line");
        const std::string back = filenameOfContentDisposition(disposition);
        require(back.find('"') == std::string::npos, "the quoted name ends at its quote");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string input = onewindow::fuzz::bytes(data, size);
    const auto nul = input.find('\0');
    const std::string header = input.substr(0, nul);
    const std::string content = nul == std::string::npos ? std::string() : input.substr(nul + 1);

    const std::string given = filenameOfContentDisposition(header);
    require(given.size() <= header.size(), "the name is part of the header");
    checkClean(given);
    checkClean(header); // as `?filename=`

    const auto mediaType = mediaTypeOfContent(content);
    if (mediaType) {
        require(*mediaType == "application/pdf" || *mediaType == "image/jpeg" || *mediaType == "image/png",
                "PDF, JPEG or PNG only");
        require(std::string_view(extensionOf(*mediaType)).size() == 4, "an extension of its own");
    }
    return 0;
}
