// The table from field type to editor: built-in types, a plugin's own type (read and written
// through the widget's USER property), a plugin widget that cannot be used, change notification
// whichever way the value was set, and plugin validators per department.
#include "intake/fieldeditors.h"
#include "registries.h"

#include <QComboBox>
#include <QDoubleValidator>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace onewindow;

class tst_FieldEditors : public QObject
{
    Q_OBJECT

private slots:
    void builtInTypes()
    {
        client::FieldEditors editors;
        QWidget parent;
        auto *money = qobject_cast<QLineEdit *>(editors.create({"deposit_base", QStringLiteral("月缴存基数"), "money", true}, &parent));
        QVERIFY(money);
        QCOMPARE(money->accessibleName(), QStringLiteral("月缴存基数"));
        QCOMPARE(money->objectName(), QStringLiteral("field_deposit_base"));
        QVERIFY(qobject_cast<const QDoubleValidator *>(money->validator()));
        // Letters are refused as typed; digits with a dot go in.
        QTest::keyClicks(money, "12a3.5");
        QCOMPARE(money->text(), QStringLiteral("123.5"));

        auto *id = qobject_cast<QLineEdit *>(editors.create({"applicant_id_number", "ID", "id_number", true}, &parent));
        QVERIFY(id);
        QCOMPARE(id->maxLength(), 18);
        auto *date = qobject_cast<QLineEdit *>(editors.create({"start", "Start", "date", false}, &parent));
        QVERIFY(date);
        QTest::keyClicks(date, "2026-12-0x1");
        QCOMPARE(date->text(), QStringLiteral("2026-12-01"));
        // An unknown type without a plugin is plain text.
        QVERIFY(qobject_cast<QLineEdit *>(editors.create({"x", "X", "no_such_type", false}, &parent)));
        QVERIFY(!editors.isPluginType("money"));
    }

    void pluginTypeThroughUserProperty()
    {
        sdk::Registries registries;
        registries.addFieldType({"account_kind", [](const sdk::FieldSpec &, QWidget *parent) -> QWidget * {
                                     auto *combo = new QComboBox(parent);
                                     combo->addItems({QStringLiteral("个人"), QStringLiteral("单位")});
                                     return combo;
                                 }});
        // A widget with no value to read is not used: the field falls back to plain text.
        registries.addFieldType({"broken", [](const sdk::FieldSpec &, QWidget *parent) { return new QWidget(parent); }});
        client::FieldEditors editors(&registries);
        QWidget parent;
        QWidget *editor = editors.create({"kind", QStringLiteral("账户类型"), "account_kind", true}, &parent);
        QVERIFY(qobject_cast<QComboBox *>(editor));
        QVERIFY(editors.isPluginType("account_kind"));
        QCOMPARE(client::FieldEditors::value(editor), QStringLiteral("个人"));
        QStringList seen;
        QVERIFY(client::FieldEditors::onChanged(editor, &parent, [&](const QString &v) { seen << v; }));
        client::FieldEditors::setValue(editor, QStringLiteral("单位"));
        QCOMPARE(client::FieldEditors::value(editor), QStringLiteral("单位"));
        QCOMPARE(seen, QStringList{QStringLiteral("单位")});

        QVERIFY(qobject_cast<QLineEdit *>(editors.create({"b", "B", "broken", false}, &parent)));
    }

    void changesFromEveryWay()
    {
        client::FieldEditors editors;
        QWidget parent;
        auto *edit = qobject_cast<QLineEdit *>(editors.create({"name", "Name", "text", true}, &parent));
        QStringList seen;
        QVERIFY(client::FieldEditors::onChanged(edit, &parent, [&](const QString &v) { seen << v; }));
        QTest::keyClicks(edit, "ab");
        edit->setText(QStringLiteral("张三")); // as an accessibility client or an input method would
        QCOMPARE(seen, (QStringList{"a", "ab", QStringLiteral("张三")}));
        // Setting the value it already has is no change.
        client::FieldEditors::setValue(edit, QStringLiteral("张三"));
        QCOMPARE(seen.size(), 3);
        // The relay goes with the editor.
        delete edit;
        QTRY_COMPARE(parent.findChildren<QObject *>().size(), 0);
    }

    void pluginValidatorsPerDepartment()
    {
        sdk::Registries registries;
        registries.addValidator({"hf.employer", "employer_credit_code", "HF", [](const QString &v) {
                                     return v.startsWith("91") ? QString() : QStringLiteral("Not a company's code.");
                                 }});
        client::FieldEditors editors(&registries);
        QCOMPARE(editors.pluginProblems("employer_credit_code", "HF", "12"), QStringList{"Not a company's code."});
        QCOMPARE(editors.pluginProblems("employer_credit_code", "HF", "91512081MA62K0260E"), QStringList());
        QCOMPARE(editors.pluginProblems("employer_credit_code", "MR", "12"), QStringList());
        QCOMPARE(client::FieldEditors().pluginProblems("employer_credit_code", "HF", "12"), QStringList());
    }
};

QTEST_MAIN(tst_FieldEditors)
#include "tst_fieldeditors.moc"
