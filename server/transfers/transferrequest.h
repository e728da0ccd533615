#pragma once

#include <Poco/JSON/Object.h>

#include <cstddef>
#include <string>
#include <vector>

namespace onewindow::server {

class FieldErrors;

/// The body of POST /transfers, checked on its own.
struct TransferRequest
{
    static constexpr std::size_t kMaxCases = 200;

    std::vector<std::string> cases; ///< in the order given, each once
    std::string note;

    /// From 1 to `kMaxCases` case ids, each once, and a note; every problem goes into `errors`.
    static TransferRequest parse(const Poco::JSON::Object::Ptr &body, FieldErrors &errors);
};

} // namespace onewindow::server
