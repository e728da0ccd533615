#pragma once

#include "capabilities.h"
#include "idepartmentplugin.h"

#include <QObject>

namespace onewindow::tax {

/// Taxation (税务, department TX): checks the taxpayer identification number in its matters'
/// forms. An enterprise's taxpayer identification number (纳税人识别号) is its unified social
/// credit code.
class TaxPlugin final : public QObject, public sdk::IDepartmentPlugin, public sdk::IValidatorProvider
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OneWindowDepartmentPlugin_iid FILE "tax.json")
    Q_INTERFACES(onewindow::sdk::IDepartmentPlugin onewindow::sdk::IValidatorProvider)

public:
    bool initialize(sdk::PluginContext &context, QString *errorString) override;
    QList<sdk::FieldValidator> validators() const override;

    /// An empty string when `value` is a valid taxpayer identification number (domain
    /// CreditCode) or empty, else what is wrong with it in the user's language.
    static QString checkTaxpayerNumber(const QString &value);
};

} // namespace onewindow::tax
