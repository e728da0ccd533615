#pragma once

#include <QList>
#include <QString>
#include <QWidget>
#include <QWizardPage>

#include <cstdint>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace onewindow::market {

/// One shareholder (股东) of a company being established and what they subscribe.
struct Shareholder
{
    QString name;
    QString identifier; ///< a person's ID number or an organisation's credit code; may be empty
    QString amount;     ///< the contribution in 万元, as typed
    friend bool operator==(const Shareholder &, const Shareholder &) = default;
};

/// The form's text of the shareholders field: "张三，11010519491231002X，60万元；李四，，40万元".
QString shareholdersText(const QList<Shareholder> &shareholders);
/// The shareholders of such a text; a part it cannot read becomes a shareholder with that name, so
/// nothing typed before is lost.
QList<Shareholder> parseShareholders(const QString &text);

/// The editor of the shareholders field: a table (name, ID number or credit code, contribution)
/// with buttons to add and remove a row. Its value, the USER property `text`, is the field's text.
class ShareholdersEdit final : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged USER true)

public:
    explicit ShareholdersEdit(QWidget *parent = nullptr);
    ~ShareholdersEdit() override;

    QString text() const;
    void setText(const QString &text);
    QList<Shareholder> shareholders() const;
    QTableWidget *table() const { return m_table; }

signals:
    void textChanged();

private:
    void addRow(const Shareholder &shareholder);
    void updateButtons();

    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    bool m_filling = false;
};

/// The intake's page of an enterprise's establishment (MR-001): the shareholders and their
/// contributions beside the registered capital, which they must add up to (认缴出资额合计等于注册
/// 资本). Its two editors are named after the form's fields, so the intake takes them for those
/// fields; Next waits until the page is complete.
class ShareholdersPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit ShareholdersPage(QWidget *parent = nullptr);
    ~ShareholdersPage() override;

    bool isComplete() const override;
    /// What keeps the page from being complete, in the user's language; empty when complete.
    QString problem() const;

private:
    void update();

    QLineEdit *m_capital;
    ShareholdersEdit *m_shareholders;
    QLabel *m_status;
};

} // namespace onewindow::market
