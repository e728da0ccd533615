#pragma once

#include "capabilities.h"
#include "idepartmentplugin.h"

#include <QDate>
#include <QObject>

namespace onewindow::realestate {

/// Real estate registration (不动产登记, department RE): checks the title certificate numbers in
/// its matters' forms and prints its own acceptance notice.
class RealEstatePlugin final : public QObject,
                               public sdk::IDepartmentPlugin,
                               public sdk::IValidatorProvider,
                               public sdk::IPrintTemplateProvider
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OneWindowDepartmentPlugin_iid FILE "realestate.json")
    Q_INTERFACES(
        onewindow::sdk::IDepartmentPlugin onewindow::sdk::IValidatorProvider onewindow::sdk::IPrintTemplateProvider)

public:
    bool initialize(sdk::PluginContext &context, QString *errorString) override;

    QList<sdk::FieldValidator> validators() const override;
    QList<sdk::PrintTemplate> printTemplates() const override;

    /// An empty string when `value` is a valid real estate title certificate number (domain
    /// PropertyCertificateNumber) or empty, else what is wrong with it in the user's language.
    /// With a valid `today`, a year after today's is wrong.
    static QString checkCertificateNumber(const QString &value, const QDate &today = {});

private:
    sdk::PluginContext *m_context = nullptr;
};

} // namespace onewindow::realestate
