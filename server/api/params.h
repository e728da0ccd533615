#pragma once

#include "http/message.h"

namespace onewindow::server {

/// The `limit` of a list: 1 to 200, `defaultLimit` when not given; 422 otherwise.
int limitParam(const Request &req, int defaultLimit = 50);

} // namespace onewindow::server
