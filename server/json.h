#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

namespace onewindow::server {

/// A JSON object that keeps its keys in insertion order, as people read them.
Poco::JSON::Object::Ptr newObject();
Poco::JSON::Array::Ptr newArray();
std::string toJson(const Poco::JSON::Object::Ptr &object);
std::string toJson(const Poco::JSON::Array::Ptr &array);

/// Parses a request body; throws ApiError malformed_json unless it is a JSON object.
Poco::JSON::Object::Ptr parseObject(const std::string &body);
/// Parses JSON stored by the server itself.
Poco::JSON::Object::Ptr parseStoredObject(const std::string &text);
Poco::JSON::Array::Ptr parseStoredArray(const std::string &text);

/// Typed reads that tolerate absence: nullopt if missing, null or of another type.
std::optional<std::string> optString(const Poco::JSON::Object::Ptr &o, const std::string &key);
std::optional<bool> optBool(const Poco::JSON::Object::Ptr &o, const std::string &key);
std::optional<double> optNumber(const Poco::JSON::Object::Ptr &o, const std::string &key);
Poco::JSON::Object::Ptr optObject(const Poco::JSON::Object::Ptr &o, const std::string &key);
Poco::JSON::Array::Ptr optArray(const Poco::JSON::Object::Ptr &o, const std::string &key);

/// `value` or JSON null.
Poco::Dynamic::Var orNull(const std::optional<std::string> &value);

} // namespace onewindow::server
