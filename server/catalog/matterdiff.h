#pragma once

#include <Poco/JSON/Object.h>

namespace onewindow::server {

struct MatterDefinition;

/// What version `to` of a matter changes against version `from`, for the administrator to read
/// before publishing: `settings` (each scalar setting whose value differs, from and to), and for
/// `fields` (by key), `materials` (by code, their deficiency rules included) and `reasons` (by
/// code) the items `added`, `removed` and `changed` (with the names of the members that changed,
/// and the item before and after); for `produces`, the material codes `added` and `removed`.
Poco::JSON::Object::Ptr matterDiff(const MatterDefinition &from, const MatterDefinition &to);

/// Whether two definitions say the same, whatever their versions.
bool sameDefinition(const MatterDefinition &a, const MatterDefinition &b);

} // namespace onewindow::server
