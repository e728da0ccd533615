#pragma once

#include "capabilities.h"

#include <QHash>
#include <QList>

namespace onewindow::sdk {

/// What the plugins contributed, for every part of the client to read. The host fills it; a
/// plugin reads it through its PluginContext (e.g. to extend another plugin's field type).
class Registries
{
public:
    void addFieldType(const FieldTypeFactory &factory) { m_fieldTypes.insert(factory.type, factory); }
    /// The factory for a field type, or nullptr (the client then uses its built-in one).
    const FieldTypeFactory *fieldType(const QString &type) const
    {
        const auto it = m_fieldTypes.constFind(type);
        return it == m_fieldTypes.constEnd() ? nullptr : &it.value();
    }

    void addValidator(const FieldValidator &validator) { m_validators.append(validator); }
    /// Validators for a field of a matter of `department`.
    QList<FieldValidator> validatorsFor(const QString &fieldKey, const QString &department) const
    {
        QList<FieldValidator> out;
        for (const auto &v : m_validators) {
            if (v.fieldKey == fieldKey && (v.department.isEmpty() || v.department == department))
                out.append(v);
        }
        return out;
    }
    const QList<FieldValidator> &validators() const { return m_validators; }

    void addWizardPage(const WizardPageFactory &factory) { m_wizardPages.append(factory); }
    QList<WizardPageFactory> wizardPagesFor(const QString &matterCode) const
    {
        QList<WizardPageFactory> out;
        for (const auto &p : m_wizardPages) {
            if (p.matterCode == matterCode)
                out.append(p);
        }
        return out;
    }

    void addPrintTemplate(const PrintTemplate &t) { m_printTemplates.append(t); }
    /// The most specific template for a document: matter first, then department; nullptr for
    /// the built-in one.
    const PrintTemplate *printTemplateFor(const QString &document, const QString &department,
                                          const QString &matterCode) const
    {
        const PrintTemplate *best = nullptr;
        for (const auto &t : m_printTemplates) {
            if (t.document != document || (!t.department.isEmpty() && t.department != department))
                continue;
            if (!t.matterCode.isEmpty() && t.matterCode != matterCode)
                continue;
            if (!best || (!t.matterCode.isEmpty() && best->matterCode.isEmpty()))
                best = &t;
        }
        return best;
    }

    void addELicenseMapping(const ELicenseMapping &m) { m_eLicenseMappings.append(m); }
    /// Materials a licence type covers.
    QStringList materialsCoveredBy(const QString &licenseType) const
    {
        QStringList out;
        for (const auto &m : m_eLicenseMappings) {
            if (m.licenseType == licenseType)
                out.append(m.materialCode);
        }
        return out;
    }

    /// Licence types the plugins say stand for a material (the catalog's administrator is offered
    /// them for the material's electronic licence type).
    QStringList licenseTypesFor(const QString &materialCode) const
    {
        QStringList out;
        for (const auto &m : m_eLicenseMappings) {
            if (m.materialCode == materialCode && !out.contains(m.licenseType))
                out.append(m.licenseType);
        }
        return out;
    }

    void addWorkbenchPage(const WorkbenchPage &page) { m_workbenchPages.append(page); }
    QList<WorkbenchPage> workbenchPagesFor(const QString &role) const
    {
        QList<WorkbenchPage> out;
        for (const auto &p : m_workbenchPages) {
            if (p.roles.isEmpty() || p.roles.contains(role))
                out.append(p);
        }
        return out;
    }

private:
    QHash<QString, FieldTypeFactory> m_fieldTypes;
    QList<FieldValidator> m_validators;
    QList<WizardPageFactory> m_wizardPages;
    QList<PrintTemplate> m_printTemplates;
    QList<ELicenseMapping> m_eLicenseMappings;
    QList<WorkbenchPage> m_workbenchPages;
};

} // namespace onewindow::sdk
