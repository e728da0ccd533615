#include "catalog/matterdiff.h"

#include "catalog/catalog.h"
#include "json.h"

#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <set>
#include <sstream>

namespace onewindow::server {

namespace {

/// A value as JSON text, so that values of any type compare by what they say.
std::string textOf(const Poco::Dynamic::Var &value)
{
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(value, out);
    return out.str();
}

/// The names of `a` and then of `b` not in `a`, in their order.
std::vector<std::string> memberNames(const Poco::JSON::Object::Ptr &a, const Poco::JSON::Object::Ptr &b)
{
    std::vector<std::string> names = a->getNames();
    for (const std::string &name : b->getNames()) {
        if (!a->has(name))
            names.push_back(name);
    }
    return names;
}

/// The items of two lists, matched by their member `key`: those only in `to` (added), only in
/// `from` (removed), and in both but different (changed).
Poco::JSON::Object::Ptr listDiff(const Poco::JSON::Array::Ptr &from, const Poco::JSON::Array::Ptr &to,
                                 const std::string &key)
{
    const auto byKey = [&key](const Poco::JSON::Array::Ptr &list) {
        std::vector<std::pair<std::string, Poco::JSON::Object::Ptr>> items;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto item = list->getObject(static_cast<unsigned>(i));
            items.emplace_back(item->getValue<std::string>(key), item);
        }
        return items;
    };
    const auto find = [](const auto &items, const std::string &id) -> Poco::JSON::Object::Ptr {
        for (const auto &[itemKey, item] : items) {
            if (itemKey == id)
                return item;
        }
        return nullptr;
    };
    const auto before = byKey(from);
    const auto after = byKey(to);
    auto added = newArray();
    auto removed = newArray();
    auto changed = newArray();
    for (const auto &[id, item] : after) {
        const auto old = find(before, id);
        if (!old) {
            added->add(item);
            continue;
        }
        auto members = newArray();
        for (const std::string &name : memberNames(old, item)) {
            if (textOf(old->get(name)) != textOf(item->get(name)))
                members->add(name);
        }
        if (members->size() == 0)
            continue;
        auto change = newObject();
        change->set(key, id);
        change->set("changes", members);
        change->set("from", old);
        change->set("to", item);
        changed->add(change);
    }
    for (const auto &[id, item] : before) {
        if (!find(after, id))
            removed->add(item);
    }
    auto o = newObject();
    o->set("added", added);
    o->set("removed", removed);
    o->set("changed", changed);
    return o;
}

const std::set<std::string> kLists{"fields", "materials", "reasons", "produces"};

/// The codes only in `to` (added) and only in `from` (removed).
Poco::JSON::Object::Ptr codesDiff(const std::vector<std::string> &from, const std::vector<std::string> &to)
{
    const auto missingFrom = [](const std::vector<std::string> &codes, const std::vector<std::string> &in) {
        auto out = newArray();
        for (const auto &code : codes) {
            if (std::find(in.begin(), in.end(), code) == in.end())
                out->add(code);
        }
        return out;
    };
    auto o = newObject();
    o->set("added", missingFrom(to, from));
    o->set("removed", missingFrom(from, to));
    return o;
}

} // namespace

Poco::JSON::Object::Ptr matterDiff(const MatterDefinition &from, const MatterDefinition &to)
{
    const auto a = from.toJson();
    const auto b = to.toJson();
    auto settings = newArray();
    for (const std::string &name : memberNames(a, b)) {
        if (name == "code" || name == "version" || kLists.contains(name))
            continue;
        if (textOf(a->get(name)) == textOf(b->get(name)))
            continue;
        auto change = newObject();
        change->set("name", name);
        change->set("from", a->get(name));
        change->set("to", b->get(name));
        settings->add(change);
    }
    auto o = newObject();
    o->set("code", to.code);
    o->set("from", from.version);
    o->set("to", to.version);
    o->set("settings", settings);
    o->set("fields", listDiff(a->getArray("fields"), b->getArray("fields"), "key"));
    o->set("materials", listDiff(a->getArray("materials"), b->getArray("materials"), "code"));
    o->set("reasons", listDiff(a->getArray("reasons"), b->getArray("reasons"), "code"));
    o->set("produces", codesDiff(from.produces, to.produces));
    return o;
}

bool sameDefinition(const MatterDefinition &a, const MatterDefinition &b)
{
    MatterDefinition other = b;
    other.version = a.version;
    return toJson(a.toJson()) == toJson(other.toJson());
}

} // namespace onewindow::server
