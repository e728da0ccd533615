#pragma once

#include "http/message.h"

namespace onewindow::server {

/// The `limit` of a list: 1 to 200, `defaultLimit` when not given; 422 otherwise.
int limitParam(const Request &req, int defaultLimit = 50);

/// Whether a query's code (a centre, department or matter) is capital letters, digits and -,
/// 1 to `maxLength` of them.
bool isCode(const std::string &s, std::size_t maxLength);

} // namespace onewindow::server
