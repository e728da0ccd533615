#pragma once

// Small capability interfaces a department plugin may implement besides IDepartmentPlugin.
// The host finds them with qobject_cast after initialize() and adds what they offer to the
// registries every part of the client reads.

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtPlugin>

#include <functional>

class QWidget;
class QWizardPage;

namespace onewindow::sdk {

/// A form field as the catalog describes it (key, label, type, required).
struct FieldSpec
{
    QString key;
    QString label;
    QString type;
    bool required = false;
};

/// Makes the editor widget for a field type ("text", "id_number", or a plugin's own type).
struct FieldTypeFactory
{
    QString type;
    std::function<QWidget *(const FieldSpec &field, QWidget *parent)> create;
};

/// Checks a field's value: returns an empty string when it is fine, else the message to show
/// next to the field, in the user's language.
struct FieldValidator
{
    QString id;          ///< unique, e.g. "housingfund.employer-credit-code"
    QString fieldKey;    ///< the shared field key it checks
    QString department;  ///< only for matters of this department; empty for all
    std::function<QString(const QString &value)> validate;
};

/// An extra intake wizard page for one matter.
struct WizardPageFactory
{
    QString matterCode;
    std::function<QWizardPage *(QWidget *parent)> create;
};

/// A print template that overrides the built-in one for a department or a matter.
struct PrintTemplate
{
    QString document;    ///< acceptance, commitment, one-time-notice, non-acceptance, material-receipt
    QString department;  ///< empty: any
    QString matterCode;  ///< a matter's code, or a bundle's (its cases' paper); empty: any matter of the department
    QString resource;    ///< a Qt resource path of the template, e.g. ":/housingfund/acceptance.html"
};

/// Which material an electronic licence type covers. The catalog's administrator is offered the
/// types mapped to a material when editing it; the catalog then decides, and the server checks,
/// which licence stands for the material at intake.
struct ELicenseMapping
{
    QString licenseType;
    QString materialCode;
};

/// A page of the workbench, under its department's heading in the navigation.
struct WorkbenchPage
{
    QString id;
    QString title;       ///< already translated
    QString department;
    QStringList roles;   ///< who sees it; empty: everyone
    std::function<QWidget *(QWidget *parent)> create;
};

class IFieldTypeProvider
{
public:
    virtual ~IFieldTypeProvider() = default;
    virtual QList<FieldTypeFactory> fieldTypes() const = 0;
};

class IValidatorProvider
{
public:
    virtual ~IValidatorProvider() = default;
    virtual QList<FieldValidator> validators() const = 0;
};

class IWizardPageProvider
{
public:
    virtual ~IWizardPageProvider() = default;
    virtual QList<WizardPageFactory> wizardPages() const = 0;
};

class IPrintTemplateProvider
{
public:
    virtual ~IPrintTemplateProvider() = default;
    virtual QList<PrintTemplate> printTemplates() const = 0;
};

class IELicenseMappingProvider
{
public:
    virtual ~IELicenseMappingProvider() = default;
    virtual QList<ELicenseMapping> eLicenseMappings() const = 0;
};

class IWorkbenchPageProvider
{
public:
    virtual ~IWorkbenchPageProvider() = default;
    virtual QList<WorkbenchPage> workbenchPages() const = 0;
};

} // namespace onewindow::sdk

Q_DECLARE_INTERFACE(onewindow::sdk::IFieldTypeProvider, "org.onewindow.IFieldTypeProvider/1.0")
Q_DECLARE_INTERFACE(onewindow::sdk::IValidatorProvider, "org.onewindow.IValidatorProvider/1.0")
Q_DECLARE_INTERFACE(onewindow::sdk::IWizardPageProvider, "org.onewindow.IWizardPageProvider/1.0")
Q_DECLARE_INTERFACE(onewindow::sdk::IPrintTemplateProvider, "org.onewindow.IPrintTemplateProvider/1.0")
Q_DECLARE_INTERFACE(onewindow::sdk::IELicenseMappingProvider, "org.onewindow.IELicenseMappingProvider/1.0")
Q_DECLARE_INTERFACE(onewindow::sdk::IWorkbenchPageProvider, "org.onewindow.IWorkbenchPageProvider/1.0")
