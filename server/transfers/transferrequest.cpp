#include "transfers/transferrequest.h"

#include "http/problem.h"
#include "json.h"

#include <algorithm>

namespace onewindow::server {

TransferRequest TransferRequest::parse(const Poco::JSON::Object::Ptr &body, FieldErrors &errors)
{
    TransferRequest r;
    r.note = trimmed(optString(body, "note").value_or(""));
    if (r.note.size() > 3000)
        errors.add("note", "At most 1000 characters.", "too_long");
    const auto cases = optArray(body, "cases");
    if (!cases || cases->size() == 0 || cases->size() > kMaxCases) {
        errors.add("cases", "From 1 to 200 case ids.", "invalid");
        return r;
    }
    for (std::size_t i = 0; i < cases->size(); ++i) {
        const std::string at = "cases[" + std::to_string(i) + "]";
        const Poco::Dynamic::Var id = cases->get(static_cast<unsigned>(i));
        if (!id.isString() || id.extract<std::string>().empty())
            errors.add(at, "A case id.", "invalid");
        else if (std::find(r.cases.begin(), r.cases.end(), id.extract<std::string>()) != r.cases.end())
            errors.add(at, "This case is listed already.", "duplicate");
        else
            r.cases.push_back(id.extract<std::string>());
    }
    return r;
}

} // namespace onewindow::server
