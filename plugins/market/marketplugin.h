#pragma once

#include "capabilities.h"
#include "idepartmentplugin.h"

#include <QObject>

namespace onewindow::market {

/// Market regulation (市场监管, department MR): checks the registered capital and the business
/// scope in its matters' forms, edits the business scope with completion of the industry codes,
/// shows today's MR cases on the workbench, and names the electronic business licence for the
/// materials it stands for (offered in the matter editor).
class MarketPlugin final : public QObject,
                           public sdk::IDepartmentPlugin,
                           public sdk::IFieldTypeProvider,
                           public sdk::IValidatorProvider,
                           public sdk::IELicenseMappingProvider,
                           public sdk::IWorkbenchPageProvider
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OneWindowDepartmentPlugin_iid FILE "market.json")
    Q_INTERFACES(onewindow::sdk::IDepartmentPlugin onewindow::sdk::IFieldTypeProvider onewindow::sdk::IValidatorProvider
            onewindow::sdk::IELicenseMappingProvider onewindow::sdk::IWorkbenchPageProvider)

public:
    explicit MarketPlugin(QObject *parent = nullptr);
    ~MarketPlugin() override;

    bool initialize(sdk::PluginContext &context, QString *errorString) override;
    void aboutToShutdown() override;

    QList<sdk::FieldTypeFactory> fieldTypes() const override;
    QList<sdk::FieldValidator> validators() const override;
    QList<sdk::WorkbenchPage> workbenchPages() const override;
    /// The electronic business licence stands for the paper one and for its copy.
    QList<sdk::ELicenseMapping> eLicenseMappings() const override;

    /// An empty string when `value` is a valid registered capital in 万元 (domain
    /// RegisteredCapital) or empty, else what is wrong with it in the user's language.
    static QString checkRegisteredCapital(const QString &value);
    /// The same for a business scope: industry codes of GB/T 4754-2017 (domain BusinessScope).
    static QString checkBusinessScope(const QString &value);

private:
    sdk::PluginContext *m_context = nullptr;
};

} // namespace onewindow::market
