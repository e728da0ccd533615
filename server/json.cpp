#include "json.h"

#include "http/problem.h"

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace onewindow::server {

Poco::JSON::Object::Ptr newObject()
{
    return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

Poco::JSON::Array::Ptr newArray()
{
    return new Poco::JSON::Array();
}

std::string toJson(const Poco::JSON::Object::Ptr &object)
{
    std::ostringstream out;
    object->stringify(out);
    return out.str();
}

std::string toJson(const Poco::JSON::Array::Ptr &array)
{
    std::ostringstream out;
    array->stringify(out);
    return out.str();
}

Poco::JSON::Object::Ptr parseObject(const std::string &body)
{
    if (body.empty())
        throw ApiError::malformedJson("the request body is empty");
    Poco::Dynamic::Var parsed;
    try {
        Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
        parsed = parser.parse(body);
    } catch (const Poco::Exception &e) {
        throw ApiError::malformedJson(e.message().empty() ? e.displayText() : e.message());
    }
    if (parsed.type() != typeid(Poco::JSON::Object::Ptr))
        throw ApiError::malformedJson("the request body must be a JSON object");
    return parsed.extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Object::Ptr parseStoredObject(const std::string &text)
{
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
    return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Array::Ptr parseStoredArray(const std::string &text)
{
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
    return parser.parse(text).extract<Poco::JSON::Array::Ptr>();
}

std::optional<std::string> optString(const Poco::JSON::Object::Ptr &o, const std::string &key)
{
    if (!o || !o->has(key))
        return std::nullopt;
    const Poco::Dynamic::Var v = o->get(key);
    if (!v.isString())
        return std::nullopt;
    return v.extract<std::string>();
}

std::optional<bool> optBool(const Poco::JSON::Object::Ptr &o, const std::string &key)
{
    if (!o || !o->has(key))
        return std::nullopt;
    const Poco::Dynamic::Var v = o->get(key);
    if (!v.isBoolean())
        return std::nullopt;
    return v.extract<bool>();
}

std::optional<double> optNumber(const Poco::JSON::Object::Ptr &o, const std::string &key)
{
    if (!o || !o->has(key))
        return std::nullopt;
    const Poco::Dynamic::Var v = o->get(key);
    if (!v.isNumeric() || v.isBoolean())
        return std::nullopt;
    return v.convert<double>();
}

Poco::JSON::Object::Ptr optObject(const Poco::JSON::Object::Ptr &o, const std::string &key)
{
    if (!o || !o->has(key))
        return nullptr;
    const Poco::Dynamic::Var v = o->get(key);
    if (v.type() != typeid(Poco::JSON::Object::Ptr))
        return nullptr;
    return v.extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Array::Ptr optArray(const Poco::JSON::Object::Ptr &o, const std::string &key)
{
    if (!o || !o->has(key))
        return nullptr;
    const Poco::Dynamic::Var v = o->get(key);
    if (v.type() != typeid(Poco::JSON::Array::Ptr))
        return nullptr;
    return v.extract<Poco::JSON::Array::Ptr>();
}

Poco::Dynamic::Var orNull(const std::optional<std::string> &value)
{
    if (!value)
        return Poco::Dynamic::Var();
    return *value;
}

void JsonWriter::beforeValue()
{
    if (m_needComma)
        m_out += ',';
    m_needComma = true;
}

JsonWriter &JsonWriter::open(char bracket)
{
    beforeValue();
    m_out += bracket;
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::close(char bracket)
{
    m_out += bracket;
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::key(std::string_view name)
{
    string(name);
    m_out += ':';
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::string(std::string_view value)
{
    static constexpr char hex[] = "0123456789abcdef";
    beforeValue();
    m_out.reserve(m_out.size() + value.size() + 2);
    m_out += '"';
    for (const char c : value) {
        switch (c) {
        case '"': m_out += "\\\""; break;
        case '\\': m_out += "\\\\"; break;
        case '\n': m_out += "\\n"; break;
        case '\r': m_out += "\\r"; break;
        case '\t': m_out += "\\t"; break;
        case '\b': m_out += "\\b"; break;
        case '\f': m_out += "\\f"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                m_out += "\\u00";
                m_out += hex[(c >> 4) & 0xf];
                m_out += hex[c & 0xf];
            } else {
                m_out += c;
            }
        }
    }
    m_out += '"';
    return *this;
}

JsonWriter &JsonWriter::number(std::int64_t value)
{
    beforeValue();
    m_out += std::to_string(value);
    return *this;
}

JsonWriter &JsonWriter::boolean(bool value)
{
    beforeValue();
    m_out += value ? "true" : "false";
    return *this;
}

JsonWriter &JsonWriter::null()
{
    beforeValue();
    m_out += "null";
    return *this;
}

JsonWriter &JsonWriter::raw(std::string_view json)
{
    beforeValue();
    m_out += json;
    return *this;
}

std::string trimmed(const std::string &s)
{
    const auto first = s.find_first_not_of(" \t\r\n");
    return first == std::string::npos ? std::string() : s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

} // namespace onewindow::server
