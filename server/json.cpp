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

} // namespace onewindow::server
