#include "matteradmin.h"

#include "apiclient.h"

#include <QJsonArray>
#include <QUrl>

namespace onewindow::models {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString encoded(const QString &value)
{
    return QString::fromUtf8(QUrl::toPercentEncoding(value));
}

QString versionPath(const QString &code, int version)
{
    return QStringLiteral("/matters/%1/versions/%2").arg(encoded(code)).arg(version);
}

ApiClient::Callback answer(CatalogAdmin::Done done)
{
    return [done](const ApiResponse &r) { done(r.object(), r.error); };
}

/// "材料 名称" of each item of a diff list, by its name or label, else its key.
QStringList namesOf(const QJsonArray &items, const char *key)
{
    QStringList out;
    for (const auto &v : items) {
        const QJsonObject item = v.toObject();
        const QString name = !text(item, "name").isEmpty() ? text(item, "name") : text(item, "label");
        out << (name.isEmpty() ? text(item, key) : name);
    }
    return out;
}

} // namespace

// ── Matters ──────────────────────────────────────────────────────────────────────────────────

AdminMatterListModel::AdminMatterListModel(ApiClient *api, QObject *parent) : ApiListModel(api, parent) {}

AdminMatterListModel::~AdminMatterListModel() = default;

void AdminMatterListModel::refresh()
{
    load(QStringLiteral("/matters?limit=200"));
}

int AdminMatterListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : LastColumn + 1;
}

QVariant AdminMatterListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject m = item(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case Code: return text(m, "code");
        case Name: return text(m, "name");
        case Department: return text(m, "department");
        }
        return {};
    }
    if (role == CodeRole)
        return text(m, "code");
    return {};
}

QVariant AdminMatterListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Code: return tr("Code");
    case Name: return tr("Matter");
    case Department: return tr("Department");
    }
    return {};
}

QHash<int, QByteArray> AdminMatterListModel::roleNames() const
{
    QHash<int, QByteArray> names = ApiListModel::roleNames();
    names.insert(CodeRole, "code");
    return names;
}

// ── Versions ─────────────────────────────────────────────────────────────────────────────────

MatterVersionListModel::MatterVersionListModel(ApiClient *api, QObject *parent) : ApiListModel(api, parent) {}

MatterVersionListModel::~MatterVersionListModel() = default;

void MatterVersionListModel::showMatter(const QString &code)
{
    m_code = code;
    load(QStringLiteral("/matters/%1/versions?limit=200").arg(encoded(code)));
}

int MatterVersionListModel::draftRow() const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (text(item(row), "state") == QLatin1String("draft"))
            return row;
    }
    return -1;
}

int MatterVersionListModel::currentRow() const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (item(row).value(QLatin1String("current")).toBool())
            return row;
    }
    return -1;
}

int MatterVersionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : LastColumn + 1;
}

QVariant MatterVersionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject v = item(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case Version: return v.value(QLatin1String("version")).toInt();
        case State: {
            const QString state = text(v, "state");
            if (state == QLatin1String("draft"))
                return tr("Draft");
            if (state == QLatin1String("superseded"))
                return tr("Superseded");
            if (v.value(QLatin1String("current")).toBool())
                return tr("In effect");
            return tr("Published, from %1").arg(text(v, "validFrom"));
        }
        case ValidFrom: return text(v, "validFrom");
        case ValidTo: return text(v, "validTo");
        case CreatedBy: return text(v, "createdBy");
        }
        return {};
    }
    if (role == VersionRole)
        return v.value(QLatin1String("version")).toInt();
    if (role == StateRole)
        return text(v, "state");
    if (role == ItemRole)
        return v;
    return {};
}

QVariant MatterVersionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Version: return tr("Version");
    case State: return tr("State");
    case ValidFrom: return tr("In effect from");
    case ValidTo: return tr("Until");
    case CreatedBy: return tr("Drafted by");
    }
    return {};
}

QHash<int, QByteArray> MatterVersionListModel::roleNames() const
{
    QHash<int, QByteArray> names = ApiListModel::roleNames();
    names.insert(VersionRole, "version");
    names.insert(StateRole, "state");
    names.insert(ItemRole, "item");
    return names;
}

// ── Changes ──────────────────────────────────────────────────────────────────────────────────

CatalogAdmin::CatalogAdmin(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) {}

CatalogAdmin::~CatalogAdmin() = default;

void CatalogAdmin::version(const QString &code, int version, Done done)
{
    m_api->get(versionPath(code, version), answer(done), this);
}

void CatalogAdmin::createDraft(const QString &code, const QJsonObject &definition, Done done)
{
    m_api->create(QStringLiteral("/matters/%1/versions").arg(encoded(code)), draftBody(definition), answer(done), this);
}

void CatalogAdmin::saveDraft(const QString &code, int version, const QJsonObject &definition, Done done)
{
    const QString path = versionPath(code, version);
    m_api->change("PUT", path, path, draftBody(definition), answer(done), this);
}

void CatalogAdmin::deleteDraft(const QString &code, int version, Done done)
{
    const QString path = versionPath(code, version);
    m_api->change("DELETE", path, path, {}, answer(done), this);
}

void CatalogAdmin::publish(const QString &code, int version, const QDate &validFrom, Done done)
{
    m_api->create(versionPath(code, version) + QStringLiteral("/publish"),
                  {{QStringLiteral("validFrom"), validFrom.toString(Qt::ISODate)}}, answer(done), this);
}

void CatalogAdmin::diff(const QString &code, int from, int to, Done done)
{
    m_api->get(versionPath(code, from) + QStringLiteral("/diff/%1").arg(to), answer(done), this);
}

void CatalogAdmin::replaceCalendarYear(int year, const QJsonObject &schedule, Done done)
{
    const QString path = QStringLiteral("/calendar/%1").arg(year);
    m_api->change("PUT", path, path, schedule, answer(done), this);
}

void CatalogAdmin::calendar(const QDate &from, const QDate &to, Done done)
{
    m_api->get(QStringLiteral("/calendar?from=%1&to=%2").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)),
               answer(done), this);
}

void CatalogAdmin::centers(Done done)
{
    m_api->get(QStringLiteral("/centers"), answer(done), this);
}

void CatalogAdmin::bundles(Done done)
{
    m_api->get(QStringLiteral("/bundles"), answer(done), this);
}

void CatalogAdmin::matters(Done done)
{
    m_api->get(QStringLiteral("/matters?limit=200"), answer(done), this);
}

void CatalogAdmin::saveCenter(const QJsonObject &center, Done done)
{
    importCatalog({{QStringLiteral("centers"), QJsonArray{center}}}, std::move(done));
}

void CatalogAdmin::saveBundle(const QString &code, const QString &name, const QStringList &matters, bool creating,
                              Done done)
{
    const QString path = QStringLiteral("/bundles/") + encoded(code);
    const QJsonObject body{{QStringLiteral("name"), name}, {QStringLiteral("matters"), QJsonArray::fromStringList(matters)}};
    if (creating)
        return m_api->change("PUT", path, QString(), body, answer(done), this);
    // Replaced over what was read just now: its ETag goes with the change.
    m_api->get(path, [this, path, body, done](const ApiResponse &r) {
        if (!r.ok())
            return done(r.object(), r.error);
        m_api->change("PUT", path, path, body, answer(done), this);
    }, this);
}

void CatalogAdmin::exportCatalog(Done done)
{
    m_api->get(QStringLiteral("/catalog/export"), answer(done), this);
}

void CatalogAdmin::importCatalog(const QJsonObject &catalog, Done done)
{
    m_api->create(QStringLiteral("/catalog/import"), catalog, answer(done), this);
}

QJsonObject CatalogAdmin::draftBody(const QJsonObject &definition)
{
    QJsonObject body = definition;
    body.remove(QStringLiteral("code"));
    body.remove(QStringLiteral("version"));
    return body;
}

QStringList CatalogAdmin::describeDiff(const QJsonObject &diff)
{
    QStringList lines;
    for (const auto &v : diff.value(QLatin1String("settings")).toArray()) {
        const QJsonObject s = v.toObject();
        lines << tr("%1: %2 → %3")
                     .arg(text(s, "name"), s.value(QLatin1String("from")).toVariant().toString(),
                          s.value(QLatin1String("to")).toVariant().toString());
    }
    const struct
    {
        const char *list;
        const char *key;
        QString added, removed, changed;
    } parts[] = {{"fields", "key", tr("Fields added: %1"), tr("Fields removed: %1"), tr("Fields changed: %1")},
                 {"materials", "code", tr("Materials added: %1"), tr("Materials removed: %1"), tr("Materials changed: %1")},
                 {"reasons", "code", tr("Reasons added: %1"), tr("Reasons removed: %1"), tr("Reasons changed: %1")}};
    for (const auto &part : parts) {
        const QJsonObject list = diff.value(QLatin1String(part.list)).toObject();
        const QStringList added = namesOf(list.value(QLatin1String("added")).toArray(), part.key);
        const QStringList removed = namesOf(list.value(QLatin1String("removed")).toArray(), part.key);
        QStringList changed;
        for (const auto &c : list.value(QLatin1String("changed")).toArray()) {
            const QJsonObject change = c.toObject();
            QStringList members;
            for (const auto &m : change.value(QLatin1String("changes")).toArray())
                members << m.toString();
            changed << QStringLiteral("%1 (%2)").arg(namesOf({change.value(QLatin1String("to"))}, part.key).value(0),
                                                     members.join(QLatin1String(", ")));
        }
        if (!added.isEmpty())
            lines << part.added.arg(added.join(QStringLiteral("、")));
        if (!removed.isEmpty())
            lines << part.removed.arg(removed.join(QStringLiteral("、")));
        if (!changed.isEmpty())
            lines << part.changed.arg(changed.join(QLatin1String("; ")));
    }
    // Material codes the matter's result provides (to the other matters of a bundle).
    const QJsonObject produces = diff.value(QLatin1String("produces")).toObject();
    const auto codes = [&produces](const char *which) {
        QStringList out;
        for (const auto &c : produces.value(QLatin1String(which)).toArray())
            out << c.toString();
        return out.join(QStringLiteral("、"));
    };
    if (const QString added = codes("added"); !added.isEmpty())
        lines << tr("Its result provides as well: %1").arg(added);
    if (const QString removed = codes("removed"); !removed.isEmpty())
        lines << tr("Its result no longer provides: %1").arg(removed);
    if (lines.isEmpty())
        lines << tr("No difference.");
    return lines;
}

} // namespace onewindow::models
