#pragma once

#include "pages.h"

#include <QDialog>
#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace onewindow::models {
class ApiClient;
class CatalogAdmin;
} // namespace onewindow::models

namespace onewindow::client {

/// A centre as the administrator fills it in: a new one (code, name, a hall or a village centre
/// and its hall) or an existing one (its name only: a centre's kind and hall never change).
class CenterDialog : public QDialog
{
    Q_OBJECT

public:
    CenterDialog(const QJsonObject &center, const QJsonArray &halls, QWidget *parent = nullptr);
    QJsonObject center() const;
    using Submit = std::function<void(const QJsonObject &center, std::function<void(const QString &error)>)>;
    void setSubmit(Submit submit) { m_submit = std::move(submit); }
    void submit();

private:
    Submit m_submit;
    QLineEdit *m_code;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QComboBox *m_parent;
    QLabel *m_error;
    QPushButton *m_ok;
};

/// A bundle (一件事) as the administrator fills it in: its code and name and the matters applied
/// for together, ticked in the list of every matter.
class BundleDialog : public QDialog
{
    Q_OBJECT

public:
    BundleDialog(const QJsonObject &bundle, const QJsonArray &matters, QWidget *parent = nullptr);
    QString code() const;
    QString name() const;
    QStringList matters() const;
    /// Ticks a matter by code (as Space on its row does).
    void setTicked(const QString &matter, bool ticked);
    using Submit = std::function<void(std::function<void(const QString &error)>)>;
    void setSubmit(Submit submit) { m_submit = std::move(submit); }
    void submit();

private:
    Submit m_submit;
    QLineEdit *m_code;
    QLineEdit *m_name;
    QListWidget *m_matters;
    QLabel *m_error;
    QPushButton *m_ok;
};

/// The hall's centres and the bundles of matters (中心与一件事, F7, administrators): a new centre
/// or a village centre under its hall, a centre renamed; a bundle made or its matters changed.
class PlacesPage final : public WorkbenchPageWidget
{
    Q_OBJECT

public:
    explicit PlacesPage(models::ApiClient *api, QWidget *parent = nullptr);
    ~PlacesPage() override;

    void refresh() override;
    void focusFirst() override;
    /// The forms, wired to the server: a new centre or bundle (empty code) or an existing one.
    std::unique_ptr<CenterDialog> centerDialog(const QString &code);
    std::unique_ptr<BundleDialog> bundleDialog(const QString &code);
    QTableWidget *centersTable() const { return m_centers; }
    QTableWidget *bundlesTable() const { return m_bundles; }

signals:
    void loaded();

private:
    void retranslate() override;
    void fill();

    models::CatalogAdmin *m_admin;
    QJsonArray m_centerItems;
    QJsonArray m_bundleItems;
    QJsonArray m_matterItems;
    int m_pending = 0;
    QTableWidget *m_centers;
    QTableWidget *m_bundles;
    QPushButton *m_newCenter;
    QPushButton *m_editCenter;
    QPushButton *m_newBundle;
    QPushButton *m_editBundle;
    QLabel *m_message;
};

} // namespace onewindow::client
