#include "api/params.h"

#include "http/problem.h"

namespace onewindow::server {

int limitParam(const Request &req, int defaultLimit)
{
    const std::string text = req.queryParam("limit");
    if (text.empty())
        return defaultLimit;
    int value = 0;
    try {
        std::size_t used = 0;
        value = std::stoi(text, &used);
        if (used != text.size())
            value = 0;
    } catch (...) {
        value = 0;
    }
    if (value < 1 || value > 200) {
        FieldErrors errors;
        errors.add("limit", "A whole number from 1 to 200.", "invalid");
        errors.throwIfAny();
    }
    return value;
}

bool isCode(const std::string &s, std::size_t maxLength)
{
    if (s.empty() || s.size() > maxLength)
        return false;
    for (const char c : s)
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    return true;
}

} // namespace onewindow::server
