#pragma once

#include "pages.h"

#include <QHash>
#include <QJsonObject>

class QLabel;
class QPushButton;
class QTableView;

namespace onewindow::models {
class ApiClient;
class LocalStore;
class OutboxModel;
class SyncEngine;
} // namespace onewindow::models

namespace onewindow::sdk {
class Registries;
} // namespace onewindow::sdk

namespace onewindow::client {

/// Intakes taken in offline (待上传, F10): each with its reserved number, applicant, matters and
/// where it stands: waiting (with the last error), sent, or refused with the server's reasons.
/// A refused intake's one-time notice prints from here, for the applicant to come back with.
class SyncPage final : public WorkbenchPageWidget
{
    Q_OBJECT

public:
    /// `registries`: the plugins' print templates for the notice (nullptr: the built-in one).
    SyncPage(models::ApiClient *api, models::LocalStore *store, models::SyncEngine *engine,
             const sdk::Registries *registries = nullptr, QWidget *parent = nullptr);
    ~SyncPage() override;

    void refresh() override;
    void focusFirst() override;
    models::OutboxModel *model() const { return m_model; }
    /// Writes the one-time notice of the refused intake at `row` as a PDF; false with the reason
    /// shown when the row is not a refused intake.
    bool saveNotice(int row, const QString &path);

private:
    void retranslate() override;
    void updateDetails();
    void printNotice();
    int currentRow() const;

    models::ApiClient *m_api;
    models::LocalStore *m_store;
    models::SyncEngine *m_engine;
    const sdk::Registries *m_registries;
    models::OutboxModel *m_model;
    QLabel *m_summary;
    QTableView *m_table;
    QLabel *m_details;
    QPushButton *m_sendNow;
    QPushButton *m_print;
    QLabel *m_message;
    QHash<QString, QJsonObject> m_matters; ///< catalog summaries by code, for the notice
};

} // namespace onewindow::client
