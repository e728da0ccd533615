#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
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

/// `s` without the white space at either end (a text typed in a form).
std::string trimmed(const std::string &s);

/// Writes JSON text straight into a string, for answers sent often (a case is read far more
/// often than anything else): no tree of objects to build, walk and free. Strings are written
/// as UTF-8, with quotes, backslashes and control characters escaped.
class JsonWriter
{
public:
    JsonWriter &beginObject() { return open('{'); }
    JsonWriter &endObject() { return close('}'); }
    JsonWriter &beginArray() { return open('['); }
    JsonWriter &endArray() { return close(']'); }
    JsonWriter &key(std::string_view name);
    JsonWriter &string(std::string_view value);
    JsonWriter &number(std::int64_t value);
    JsonWriter &boolean(bool value);
    JsonWriter &null();
    /// A value that is JSON text already: what the server itself stored.
    JsonWriter &raw(std::string_view json);

    /// `"name": value`: a string, a bool, an integer, or an optional string (null when empty).
    template <class T>
    JsonWriter &field(std::string_view name, const T &value)
    {
        key(name);
        if constexpr (std::is_same_v<T, bool>)
            return boolean(value);
        else if constexpr (std::is_integral_v<T>)
            return number(static_cast<std::int64_t>(value));
        else if constexpr (std::is_same_v<T, std::optional<std::string>>)
            return value ? string(*value) : null();
        else
            return string(value);
    }

    const std::string &text() const { return m_out; }
    std::string take() { return std::move(m_out); }

private:
    void beforeValue();
    JsonWriter &open(char bracket);
    JsonWriter &close(char bracket);

    std::string m_out;
    bool m_needComma = false;
};

/// The same `field()` calls, setting a Poco object's members: one description of an object
/// serves both the writer and code that still builds a Poco tree.
struct ObjectFields
{
    Poco::JSON::Object::Ptr object = newObject();

    template <class T>
    ObjectFields &field(const std::string &name, const T &value)
    {
        if constexpr (std::is_same_v<T, std::optional<std::string>>)
            object->set(name, orNull(value));
        else
            object->set(name, value);
        return *this;
    }
};

} // namespace onewindow::server
