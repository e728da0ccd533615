#pragma once

#include "capabilities.h"
#include "idepartmentplugin.h"

#include <QObject>

namespace onewindow::publicsecurity {

/// Public security (公安, department PS): checks the birth medical certificate number that the
/// newborn's household registration (新生儿出生登记) is made from.
class PublicSecurityPlugin final : public QObject, public sdk::IDepartmentPlugin, public sdk::IValidatorProvider
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OneWindowDepartmentPlugin_iid FILE "publicsecurity.json")
    Q_INTERFACES(onewindow::sdk::IDepartmentPlugin onewindow::sdk::IValidatorProvider)

public:
    bool initialize(sdk::PluginContext &context, QString *errorString) override;
    QList<sdk::FieldValidator> validators() const override;

    /// An empty string when `value` is a valid birth medical certificate number (domain
    /// BirthCertificateNumber) or empty, else what is wrong with it in the user's language.
    static QString checkBirthCertificateNumber(const QString &value);
};

} // namespace onewindow::publicsecurity
