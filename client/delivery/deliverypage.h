#pragma once

#include "pages.h"

#include <QPointer>

namespace onewindow::models {
class ApiClient;
class CaseApi;
class CaseListModel;
class IdentityReader;
} // namespace onewindow::models

namespace onewindow::sdk {
class Registries;
} // namespace onewindow::sdk

namespace onewindow::client {

class CustomerScreen;

/// Results to hand out (统一出件, F9): the results waiting at this window's hall or centre, oldest
/// promise first; a case found by its number (a barcode or QR gun types it and presses Enter) or
/// by the applicant's ID card (read, or typed). Enter on a case opens the hand-out.
class DeliveryPage final : public WorkbenchPageWidget
{
    Q_OBJECT

public:
    /// `registries`: the plugins' print templates for the delivery receipt (nullptr: the built-in one).
    DeliveryPage(models::ApiClient *api, models::IdentityReader *reader, CustomerScreen *screen,
                 const sdk::Registries *registries = nullptr, QWidget *parent = nullptr);
    ~DeliveryPage() override;

    void refresh() override;
    void focusFirst() override;

private:
    void retranslate() override;
    void find();
    void open(const QString &caseId);

    models::CaseApi *m_cases;
    QPointer<models::IdentityReader> m_reader;
    QPointer<CustomerScreen> m_screen;
    const sdk::Registries *m_registries;
    models::CaseListModel *m_model;
    QLabel *m_findLabel;
    QLineEdit *m_find;
    QPushButton *m_findButton;
    QPushButton *m_readCard;
    QTableView *m_table;
    QPushButton *m_handOut;
    QPushButton *m_more;
    QLabel *m_message;
    QString m_searched; ///< what the list shows: empty for everything waiting
    bool m_listening = false;
    bool m_handingOut = false;
};

} // namespace onewindow::client
