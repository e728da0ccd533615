#pragma once

#include <cstddef>
#include <string>

namespace onewindow::server {

/// "?, ?, ?": `n` parameters, for an IN list.
inline std::string placeholders(std::size_t n)
{
    std::string out;
    for (std::size_t i = 0; i < n; ++i)
        out += i ? ", ?" : "?";
    return out;
}

/// "(?, ?), (?, ?)": `rows` rows of `width` parameters, for a multi-row INSERT's VALUES.
inline std::string valueRows(std::size_t width, std::size_t rows)
{
    const std::string row = "(" + placeholders(width) + ")";
    std::string out;
    for (std::size_t i = 0; i < rows; ++i)
        out += (i ? ", " : "") + row;
    return out;
}

} // namespace onewindow::server
