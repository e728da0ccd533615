#pragma once

#include "apierror.h"
#include "apilistmodel.h"

#include <QDate>
#include <QJsonObject>

#include <functional>

namespace onewindow::models {

/// Every matter of the catalog (GET /matters), by code, for the administrator.
class AdminMatterListModel : public ApiListModel
{
    Q_OBJECT

public:
    enum Column { Code, Name, Department, LastColumn = Department };
    enum Role { CodeRole = Qt::UserRole + 1 };

    explicit AdminMatterListModel(ApiClient *api, QObject *parent = nullptr);
    ~AdminMatterListModel() override;

    void refresh();

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
};

/// The versions of one matter (GET /matters/{code}/versions), newest first: a draft, the version
/// in effect, those to come and those superseded, with their days of effect.
class MatterVersionListModel : public ApiListModel
{
    Q_OBJECT

public:
    enum Column { Version, State, ValidFrom, ValidTo, CreatedBy, LastColumn = CreatedBy };
    enum Role { VersionRole = Qt::UserRole + 1, StateRole, ItemRole };

    explicit MatterVersionListModel(ApiClient *api, QObject *parent = nullptr);
    ~MatterVersionListModel() override;

    void showMatter(const QString &code);
    QString matter() const { return m_code; }
    /// The row of the draft, or -1.
    int draftRow() const;
    /// The row of the version in effect today, or -1.
    int currentRow() const;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QString m_code;
};

/// The administrator's changes to the catalog: a matter's drafts (made from a definition,
/// edited with the ETag last read, deleted), publishing one from a day, the difference of two
/// versions, next year's calendar, and the catalog exported and imported. Each answers the
/// server's object, or its error.
class CatalogAdmin : public QObject
{
    Q_OBJECT

public:
    explicit CatalogAdmin(ApiClient *api, QObject *parent = nullptr);
    ~CatalogAdmin() override;

    using Done = std::function<void(const QJsonObject &answer, const ApiError &error)>;
    /// GET /matters/{code}/versions/{n}: the version with its `definition` (and its ETag kept).
    void version(const QString &code, int version, Done done);
    /// POST /matters/{code}/versions: a draft of `definition`.
    void createDraft(const QString &code, const QJsonObject &definition, Done done);
    /// PUT /matters/{code}/versions/{n} with the ETag last read.
    void saveDraft(const QString &code, int version, const QJsonObject &definition, Done done);
    /// DELETE /matters/{code}/versions/{n} with the ETag last read.
    void deleteDraft(const QString &code, int version, Done done);
    /// POST /matters/{code}/versions/{n}/publish, in effect from `validFrom`.
    void publish(const QString &code, int version, const QDate &validFrom, Done done);
    /// GET /matters/{code}/versions/{from}/diff/{to}.
    void diff(const QString &code, int from, int to, Done done);
    /// PUT /calendar/{year} with the year's official schedule.
    void replaceCalendarYear(int year, const QJsonObject &schedule, Done done);
    /// GET /calendar?from=&to=: {days: [{date, working, holiday}]}.
    void calendar(const QDate &from, const QDate &to, Done done);
    /// GET /centers, GET /bundles, GET /matters?limit=200 ({items: [...]}).
    void centers(Done done);
    void bundles(Done done);
    void matters(Done done);
    /// A centre created or renamed: a catalog import of that one centre (checked, all or nothing,
    /// audited as center_created or center_renamed). A centre's kind and hall never change.
    void saveCenter(const QJsonObject &center, Done done);
    /// PUT /bundles/{code}: created, or (read first, for its ETag) replaced.
    void saveBundle(const QString &code, const QString &name, const QStringList &matters, bool creating, Done done);
    void exportCatalog(Done done);
    void importCatalog(const QJsonObject &catalog, Done done);

    /// A difference of two versions (GET …/diff) said in a few lines a person reads.
    static QStringList describeDiff(const QJsonObject &diff);
    /// A definition without what the server sets itself (code, version, initials), as a draft takes it.
    static QJsonObject draftBody(const QJsonObject &definition);

private:
    ApiClient *m_api;
};

} // namespace onewindow::models
