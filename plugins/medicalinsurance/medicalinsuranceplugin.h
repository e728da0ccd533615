#pragma once

#include "capabilities.h"
#include "idepartmentplugin.h"

#include <QDate>
#include <QObject>

namespace onewindow::medicalinsurance {

/// Medical insurance (医疗保障, department MI): checks the insured person's social security
/// number in its matters' forms and prints its own acceptance notice.
class MedicalInsurancePlugin final : public QObject,
                                     public sdk::IDepartmentPlugin,
                                     public sdk::IValidatorProvider,
                                     public sdk::IPrintTemplateProvider
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OneWindowDepartmentPlugin_iid FILE "medicalinsurance.json")
    Q_INTERFACES(
        onewindow::sdk::IDepartmentPlugin onewindow::sdk::IValidatorProvider onewindow::sdk::IPrintTemplateProvider)

public:
    bool initialize(sdk::PluginContext &context, QString *errorString) override;

    QList<sdk::FieldValidator> validators() const override;
    QList<sdk::PrintTemplate> printTemplates() const override;

    /// An empty string when `value` is a valid social security number (社会保障号码: the insured
    /// person's citizen ID number) or empty, else what is wrong with it in the user's language.
    /// With a valid `today`, a birth date after it is wrong.
    static QString checkSocialSecurityNumber(const QString &value, const QDate &today = {});

private:
    sdk::PluginContext *m_context = nullptr;
};

} // namespace onewindow::medicalinsurance
