#pragma once

#include <string>

namespace onewindow::server {

/// Pinyin initials of a Chinese name, as clerks type them to search (`住房公积金` gives `zfgjj`).
/// Each Han character is transliterated on its own with ICU's `Han-Latin; Latin-ASCII` and its
/// first letter kept; ASCII letters and digits are kept lower-cased; everything else is dropped.
/// Characters with several readings get ICU's default (行 gives x): the catalog may override.
std::string pinyinInitials(const std::string &utf8);

} // namespace onewindow::server
