#pragma once

#include <QLineEdit>

class QCompleter;

namespace onewindow::market {

/// The editor of a business scope field: a line edit that completes the industry code being
/// typed from the classes the halls register ("C17" offers "C1742 绢纺和丝织加工"), at the
/// cursor, however many codes come before it, and names the codes typed in its tool tip. Its
/// value is the text, as a plain line edit's.
class BusinessScopeEdit final : public QLineEdit
{
    Q_OBJECT

public:
    explicit BusinessScopeEdit(QWidget *parent = nullptr);
    ~BusinessScopeEdit() override;

    /// The completer, for tests: its model lists "code name" per industry class.
    QCompleter *codeCompleter() const { return m_completer; }
    /// "C1742 绢纺和丝织加工；F5132 服装批发" for the codes typed that the list has.
    QString namesOfCodes() const;

private:
    /// The code being typed: from the last separator before the cursor to the cursor.
    QString currentCode() const;
    void offerCompletions();
    void insertCompletion(const QString &completion);
    void describe();

    QCompleter *m_completer;
};

} // namespace onewindow::market
