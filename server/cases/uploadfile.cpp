#include "cases/uploadfile.h"

#include <Poco/URI.h>

#include <string_view>

namespace onewindow::server {

std::optional<std::string> mediaTypeOfContent(const std::string &content)
{
    const auto startsWith = [&](std::string_view magic) {
        return content.size() >= magic.size() && std::string_view(content).substr(0, magic.size()) == magic;
    };
    if (startsWith("%PDF-"))
        return "application/pdf";
    if (startsWith(std::string_view("\xFF\xD8\xFF", 3)))
        return "image/jpeg";
    if (startsWith(std::string_view("\x89PNG\r\n\x1A\n", 8)))
        return "image/png";
    return std::nullopt;
}

const char *extensionOf(const std::string &mediaType)
{
    if (mediaType == "application/pdf")
        return ".pdf";
    if (mediaType == "image/jpeg")
        return ".jpg";
    return ".png";
}

namespace {

// The length of the well-formed UTF-8 sequence at `at` (no overlong form, surrogate or code point
// past U+10FFFF), or 0 when the bytes there are not one.
std::size_t utf8SequenceAt(const std::string &s, std::size_t at)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80)
        return 1;
    std::size_t length = 0;
    unsigned char min = 0x80;
    unsigned char max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        min = lead == 0xE0 ? 0xA0 : 0x80; // no overlong form
        max = lead == 0xED ? 0x9F : 0xBF; // no surrogate
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        min = lead == 0xF0 ? 0x90 : 0x80;
        max = lead == 0xF4 ? 0x8F : 0xBF; // nothing past U+10FFFF
    } else {
        return 0;
    }
    if (at + length > s.size() || byte(at + 1) < min || byte(at + 1) > max)
        return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80)
            return 0;
    }
    return length;
}

} // namespace

std::string cleanFilename(const std::string &given)
{
    std::string name = given;
    if (const auto slash = name.find_last_of("/\\"); slash != std::string::npos)
        name = name.substr(slash + 1);
    // Whole UTF-8 sequences only: the name goes into the database and into JSON, both UTF-8.
    std::string out;
    for (std::size_t i = 0; i < name.size();) {
        const std::size_t length = utf8SequenceAt(name, i);
        if (length == 0) {
            ++i;
            continue;
        }
        const char c = name[i];
        if (length > 1 || (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f && c != '"'))
            out.append(name, i, length);
        i += length;
    }
    if (out.size() > 200) {
        std::size_t cut = 200;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
            --cut;
        out.resize(cut);
    }
    if (out == "." || out == "..")
        return {};
    return out;
}

std::string filenameOfContentDisposition(const std::string &header)
{
    const auto at = header.find("filename=");
    if (at == std::string::npos)
        return {};
    std::string value = header.substr(at + 9);
    if (!value.empty() && value.front() == '"') {
        const auto end = value.find('"', 1);
        return value.substr(1, end == std::string::npos ? std::string::npos : end - 1);
    }
    return value.substr(0, value.find(';'));
}

std::string contentDispositionOf(const std::string &filename, const std::string &mediaType)
{
    bool ascii = true;
    for (char c : filename)
        ascii = ascii && static_cast<unsigned char>(c) < 0x80 && c != '\\';
    std::string encoded;
    Poco::URI::encode(filename, "!#$&+,/:;=?@[]'()*% ", encoded);
    return std::string("inline; filename=\"") + (ascii ? filename : std::string("attachment") + extensionOf(mediaType))
           + "\"; filename*=UTF-8''" + encoded;
}

} // namespace onewindow::server
